using OpenIcs.Places;
using OpenIcs.Synthetic;

namespace OpenIcs.Tests.Synthetic;

public class GenerationInputTests(GeneratedLondon london)
{
    [Theory]
    [InlineData(0, 2015, 2025, "--scale must be above 0")]
    [InlineData(-0.5, 2015, 2025, "--scale must be above 0")]
    [InlineData(double.NaN, 2015, 2025, "--scale must be above 0")]
    [InlineData(2.01, 2015, 2025, "--scale must be at most 2")]
    [InlineData(0.01, 2000, 2025, "--from must be a year from 2001 to 2030")]
    [InlineData(0.01, 2020, 2031, "--to must be a year from 2001 to 2030")]
    [InlineData(0.01, 2020, 2019, "--to (2019) must not be before --from (2020)")]
    public async Task Settings_out_of_range_are_refused_before_anything_is_written(double scale, int from, int to, string message)
    {
        var settings = new GenerationSettings(scale, 1, from, to, Path.Combine(london.Root, $"refused-{Guid.NewGuid():N}"));
        var error = await Assert.ThrowsAsync<GenerationException>(() => SyntheticLondon.GenerateAsync(settings, ct: TestContext.Current.CancellationToken));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(settings.OutputFolder));
    }

    [Fact]
    public async Task Missing_reference_data_names_the_file_and_leaves_no_output()
    {
        var empty = Directory.CreateDirectory(Path.Combine(london.Root, "no-reference")).FullName;
        var settings = london.Settings(0.001, 1, "missing-reference") with { ReferenceFolder = empty };
        var error = await Assert.ThrowsAsync<ReferenceDataException>(() => SyntheticLondon.GenerateAsync(settings, ct: TestContext.Current.CancellationToken));
        Assert.Equal("london_boroughs.csv", error.File);
        Assert.False(Directory.Exists(settings.OutputFolder));
    }

    [Fact]
    public async Task An_output_folder_that_holds_files_is_refused_and_left_untouched()
    {
        var folder = Directory.CreateDirectory(Path.Combine(london.Root, "occupied")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "keep.txt"), "mine", TestContext.Current.CancellationToken);
        var settings = new GenerationSettings(0.001, 1, 2015, 2025, folder);
        var error = await Assert.ThrowsAsync<GenerationException>(() => SyntheticLondon.GenerateAsync(settings, ct: TestContext.Current.CancellationToken));
        Assert.Contains("already exists and is not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_created_is_one_clear_error()
    {
        var file = Path.Combine(london.Root, "a-file");
        Directory.CreateDirectory(london.Root);
        await File.WriteAllTextAsync(file, "", TestContext.Current.CancellationToken);
        var settings = new GenerationSettings(0.001, 1, 2015, 2025, Path.Combine(file, "out"));
        var error = await Assert.ThrowsAsync<GenerationException>(() => SyntheticLondon.GenerateAsync(settings, ct: TestContext.Current.CancellationToken));
        Assert.Contains("cannot be written", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_run_leaves_neither_the_folder_nor_its_partial_copy()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var settings = london.Settings(0.003, 1, "cancelled");
        var progress = new CancelAfterChunks(cancel, 2);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyntheticLondon.GenerateAsync(settings, progress, cancel.Token));
        Assert.True(progress.Seen >= 2);
        Assert.False(Directory.Exists(settings.OutputFolder));
        Assert.False(Directory.Exists(Path.GetFullPath(settings.OutputFolder) + ".partial"));
    }

    private sealed class CancelAfterChunks(CancellationTokenSource cancel, int chunks) : IProgress<GenerationProgress>
    {
        public int Seen { get; private set; }

        public void Report(GenerationProgress value)
        {
            Seen = value.ChunksDone;
            if (value.ChunksDone >= chunks)
                cancel.Cancel();
        }
    }
}
