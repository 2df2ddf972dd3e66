using System.Buffers;

namespace OpenIcs.Synthetic;

/// <summary>A write-only stream that keeps what is written in pooled 64 KiB arrays, so that a chunk's compressed output
/// never lands on the large-object heap; <see cref="Release"/> hands the arrays back once they are on disk.</summary>
internal sealed class PooledSegments : System.IO.Stream
{
    private const int SegmentSize = 1 << 16;

    private readonly List<byte[]> _segments = [];
    private int _used = SegmentSize;

    /// <summary>Total bytes written.</summary>
    public override long Length => (_segments.Count == 0 ? 0 : ((_segments.Count - 1L) * SegmentSize)) + (_segments.Count == 0 ? 0 : _used);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    /// <summary>The written bytes, segment by segment.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments()
    {
        for (var i = 0; i < _segments.Count; i++)
            yield return _segments[i].AsMemory(0, i == _segments.Count - 1 ? _used : SegmentSize);
    }

    /// <summary>Returns every array to the pool; the stream is empty afterwards.</summary>
    public void Release()
    {
        foreach (var segment in _segments)
            ArrayPool<byte>.Shared.Return(segment);
        _segments.Clear();
        _used = SegmentSize;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_used == SegmentSize)
            {
                _segments.Add(ArrayPool<byte>.Shared.Rent(SegmentSize));
                _used = 0;
            }

            var take = Math.Min(buffer.Length, SegmentSize - _used);
            buffer[..take].CopyTo(_segments[^1].AsSpan(_used));
            _used += take;
            buffer = buffer[take..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
