using System.Buffers;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenIcs.Synthetic;

/// <summary>One chunk's NDJSON for one resource type, compressed as it is written into a self-contained gzip member.</summary>
/// <remarks>Gzip files may hold several members back to back (RFC 1952 §2.2) and every reader decompresses them as one
/// stream, so chunks compressed in parallel can simply be appended in order.</remarks>
internal sealed class ResourceSink : IDisposable
{
    private const int DrainAt = 1 << 16;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(DrainAt * 2);
    private readonly PooledSegments _output = new();
    private readonly System.IO.Stream _compressor;

    public ResourceSink(bool gzip)
    {
        _compressor = gzip ? new GZipStream(_output, CompressionLevel.Fastest, leaveOpen: true) : _output;
        Json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>The writer for the current resource; call <see cref="EndResource"/> after each.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Resources written.</summary>
    public long Count { get; private set; }

    /// <summary>Uncompressed bytes written.</summary>
    public long RawBytes { get; private set; }

    /// <summary>Ends the resource just written with a newline.</summary>
    public void EndResource()
    {
        Json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        Json.Reset(_buffer);
        Count++;
        if (_buffer.WrittenCount >= DrainAt)
            Drain();
    }

    /// <summary>Finishes the member and returns its bytes, held in pooled arrays until <see cref="PooledSegments.Release"/>.</summary>
    public PooledSegments Finish()
    {
        Drain();
        if (!ReferenceEquals(_compressor, _output))
            _compressor.Dispose();
        return _output;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Json.Dispose();
        _compressor.Dispose();
    }

    private void Drain()
    {
        RawBytes += _buffer.WrittenCount;
        _compressor.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
