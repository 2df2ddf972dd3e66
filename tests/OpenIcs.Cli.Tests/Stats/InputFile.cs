namespace OpenIcs.Cli.Tests.Stats;

/// <summary>A CSV written to a temporary folder for one test, deleted afterwards.</summary>
internal sealed class InputFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openics-stats-").FullName;

    public InputFile(params string[] lines)
    {
        Path = System.IO.Path.Combine(_folder, "input.csv");
        File.WriteAllText(Path, string.Join("\n", lines) + "\n");
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
