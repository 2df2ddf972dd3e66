namespace OpenIcs.Cli.Tests;

public class VersionCommandTests
{
    [Fact]
    public async Task Version_prints_the_product_version_and_exits_zero()
    {
        var run = await CliRun.RunAsync("version");

        Assert.Equal(OpenIcsCli.Ok, run.ExitCode);
        Assert.StartsWith($"openics {VersionCommand.ProductVersion}", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+\.\d+", VersionCommand.ProductVersion);
    }

    [Fact]
    public async Task An_unknown_verb_is_one_line_on_stderr_and_exit_code_2()
    {
        var run = await CliRun.RunAsync("frobnicate");

        Assert.Equal(OpenIcsCli.BadInput, run.ExitCode);
        Assert.Equal("openics: unknown command or option 'frobnicate'. See 'openics --help'.", run.Error.TrimEnd());
        Assert.Empty(run.Output);
    }
}
