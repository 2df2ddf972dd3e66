using System.Security.Cryptography;

namespace OpenIcs.Synthetic;

/// <summary>The output being written: files grow in a temporary sibling folder, which is renamed to the requested name
/// only once everything, manifest last, is written. A run that fails or is cancelled leaves nothing that looks complete.</summary>
internal sealed class OutputFolder : IDisposable
{
    private readonly Dictionary<string, (FileStream Stream, IncrementalHash Hash)> _files = new(StringComparer.Ordinal);
    private bool _completed;

    private OutputFolder(string target, string temporary)
    {
        Target = target;
        Temporary = temporary;
    }

    /// <summary>The folder the caller asked for.</summary>
    public string Target { get; }

    /// <summary>Where files are written until the run completes.</summary>
    public string Temporary { get; }

    /// <summary>Checks <paramref name="path"/> and creates the temporary folder beside it.</summary>
    /// <exception cref="GenerationException">The folder exists and is not empty, or cannot be created.</exception>
    public static OutputFolder Create(string path)
    {
        var target = Path.GetFullPath(path);
        if (File.Exists(target))
            throw new GenerationException($"--out '{path}' is a file; give a folder that does not exist yet or is empty.");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new GenerationException($"--out '{path}' already exists and is not empty; choose a new folder or empty it first.");
        var temporary = target.TrimEnd(Path.DirectorySeparatorChar) + ".partial";
        try
        {
            if (Directory.Exists(temporary))
                Directory.Delete(temporary, recursive: true);
            Directory.CreateDirectory(temporary);
            var probe = Path.Combine(temporary, ".write-test");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new GenerationException($"--out '{path}' cannot be written: {e.Message}", e);
        }

        return new OutputFolder(target, temporary);
    }

    /// <summary>Appends <paramref name="bytes"/> to <paramref name="fileName"/>, creating it on first use.</summary>
    public void Append(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (!_files.TryGetValue(fileName, out var file))
        {
            file = (new FileStream(Path.Combine(Temporary, fileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20),
                IncrementalHash.CreateHash(HashAlgorithmName.SHA256));
            _files[fileName] = file;
        }

        file.Stream.Write(bytes);
        file.Hash.AppendData(bytes);
    }

    /// <summary>Closes every file and returns its size and SHA-256 (lower-case hex).</summary>
    public Dictionary<string, (long Bytes, string Sha256)> Close()
    {
        var result = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var (name, (stream, hash)) in _files)
        {
            stream.Flush(flushToDisk: false);
            result[name] = (stream.Length, Convert.ToHexStringLower(hash.GetHashAndReset()));
            stream.Dispose();
            hash.Dispose();
        }

        _files.Clear();
        return result;
    }

    /// <summary>Writes the manifest and moves the folder to its final name.</summary>
    public void Complete(byte[] manifest)
    {
        File.WriteAllBytes(Path.Combine(Temporary, "manifest.json"), manifest);
        if (Directory.Exists(Target))
            Directory.Delete(Target);
        Directory.Move(Temporary, Target);
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (stream, hash) in _files.Values)
        {
            stream.Dispose();
            hash.Dispose();
        }

        _files.Clear();
        if (!_completed && Directory.Exists(Temporary))
        {
            try
            {
                Directory.Delete(Temporary, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the folder is named .partial and holds no manifest, so it never passes for a complete run.
            }
        }
    }
}
