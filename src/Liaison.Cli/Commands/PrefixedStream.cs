namespace Liaison.Cli.Commands;

/// <summary>A read-only stream that yields <c>prefix</c> and then the rest of <c>inner</c>.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
{
    private int _prefixPosition;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read;
        if (_prefixPosition < prefix.Length)
        {
            read = Math.Min(count, prefix.Length - _prefixPosition);
            Array.Copy(prefix, _prefixPosition, buffer, offset, read);
            _prefixPosition += read;
        }
        else
        {
            read = inner.Read(buffer, offset, count);
        }

        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
