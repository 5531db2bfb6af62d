namespace Liaison.Core.Tests.Input;

/// <summary>A read-only stream that hands out at most <c>chunk</c> bytes per read, to exercise buffer boundaries.</summary>
internal sealed class ChunkedStream(byte[] data, int chunk) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => data.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, chunk), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A stream of a prefix, <c>count</c> repetitions of one byte, then a suffix, generated on the fly.</summary>
internal sealed class RepeatingStream(byte[] prefix, byte filler, long count, byte[] suffix) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => prefix.Length + count + suffix.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int n)
    {
        var written = 0;
        while (written < n && _position < Length)
        {
            var p = _position;
            buffer[offset + written] = p < prefix.Length ? prefix[p]
                : p < prefix.Length + count ? filler
                : suffix[p - prefix.Length - count];
            _position++;
            written++;
        }

        return written;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
