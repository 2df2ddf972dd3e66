using System.IO.Compression;
using OpenIcs.Synthetic;

[assembly: AssemblyFixture(typeof(OpenIcs.Tests.Synthetic.GeneratedLondon))]

namespace OpenIcs.Tests.Synthetic;

/// <summary>Two generated populations shared by the synthetic tests: a small one read resource by resource, and one of
/// 1% of London (about 96,000 residents) for calibration.</summary>
public sealed class GeneratedLondon : IAsyncLifetime
{
    /// <summary>The scale read resource by resource.</summary>
    public const double SmallScale = 0.0005;

    /// <summary>The scale calibration is judged at.</summary>
    public const double CalibrationScale = 0.01;

    private readonly SemaphoreSlim _gate = new(1);
    private GenerationResult? _small;
    private GenerationResult? _calibration;

    /// <summary>A folder for this test run, deleted at the end.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "openics-synthetic-" + Guid.NewGuid().ToString("N"));

    /// <summary>Settings for a run into a fresh folder under <see cref="Root"/>.</summary>
    public GenerationSettings Settings(double scale, ulong seed, string name) =>
        new(scale, seed, GenerationSettings.DefaultFromYear, GenerationSettings.DefaultToYear, Path.Combine(Root, name));

    /// <summary>Scale 0.0005, seed 7.</summary>
    public Task<GenerationResult> SmallAsync() => OnceAsync(() => _small, r => _small = r, Settings(SmallScale, 7, "small"));

    /// <summary>Scale 0.01, seed 42.</summary>
    public Task<GenerationResult> CalibrationAsync() => OnceAsync(() => _calibration, r => _calibration = r, Settings(CalibrationScale, 42, "calibration"));

    /// <summary>The NDJSON lines of one output file.</summary>
    public static IEnumerable<string> Lines(GenerationResult run, string file)
    {
        using var stream = File.OpenRead(Path.Combine(run.OutputFolder, file));
        using var reader = new StreamReader(file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream);
        while (reader.ReadLine() is { } line)
            yield return line;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<GenerationResult> OnceAsync(Func<GenerationResult?> get, Action<GenerationResult> set, GenerationSettings settings)
    {
        await _gate.WaitAsync();
        try
        {
            if (get() is { } done)
                return done;
            var result = await SyntheticLondon.GenerateAsync(settings);
            set(result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }
}
