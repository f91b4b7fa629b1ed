using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>
/// A stored file read back as plain bytes, one 64 KB chunk at a time: each chunk is authenticated
/// before any of it is handed out, and the end must be the chunk marked last, so a tampered or cut-off
/// file throws <see cref="CryptographicException"/> instead of yielding bytes. Memory stays at one
/// chunk whatever the file's size, and the source only has to read forwards (a file or a bucket's
/// response body), so a download can stream straight to the client.
/// </summary>
public sealed class DecryptingStream : Stream
{
    public const int Chunk = 64 * 1024;
    public const int Tag = 16;
    public static readonly byte[] Magic = "GVE1"u8.ToArray();
    public const int HeaderLength = 4 + 8;

    private readonly Stream _source;
    private readonly AesGcm _aes;
    private readonly byte[] _noncePrefix;
    private readonly byte[] _cipher = new byte[Chunk + Tag];
    private readonly byte[] _plain = new byte[Chunk];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _one = new byte[1];
    private int _offset, _length;
    private uint _index;
    private bool _done;
    private int _peeked = -1;

    private DecryptingStream(Stream source, byte[] key, byte[] noncePrefix)
    {
        _source = source;
        _aes = new AesGcm(key, Tag);
        _noncePrefix = noncePrefix;
    }

    /// <summary>Reads the header from <paramref name="source"/> (which the stream then owns) and returns the plain view of it.</summary>
    public static async Task<DecryptingStream> OpenAsync(Stream source, byte[] key, CancellationToken ct)
    {
        var header = new byte[HeaderLength];
        if (await source.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct) != header.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            await source.DisposeAsync();
            throw new CryptographicException("Not an encrypted document.");
        }
        return new DecryptingStream(source, key, header[Magic.Length..]);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_offset == _length && !_done) Decrypt(ReadChunk(), PeekEnd());
        return Hand(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset == _length && !_done)
        {
            var read = await ReadChunkAsync(cancellationToken);
            Decrypt(read, await PeekEndAsync(cancellationToken));
        }
        return Hand(buffer.Span);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Hand(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _length - _offset);
        _plain.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    /// <summary>A full chunk may be the last one: one byte read ahead tells (kept for the next chunk).</summary>
    private int ReadChunk()
    {
        var start = TakePeeked();
        return start + _source.ReadAtLeast(_cipher.AsSpan(start), _cipher.Length - start, throwOnEndOfStream: false);
    }

    private async ValueTask<int> ReadChunkAsync(CancellationToken ct)
    {
        var start = TakePeeked();
        return start + await _source.ReadAtLeastAsync(_cipher.AsMemory(start), _cipher.Length - start, throwOnEndOfStream: false, ct);
    }

    private int TakePeeked()
    {
        if (_peeked < 0) return 0;
        _cipher[0] = (byte)_peeked;
        _peeked = -1;
        return 1;
    }

    private bool PeekEnd() => (_peeked = _source.ReadByte()) < 0;

    private async ValueTask<bool> PeekEndAsync(CancellationToken ct)
    {
        if (await _source.ReadAsync(_one, ct) == 0) return true;
        _peeked = _one[0];
        return false;
    }

    private void Decrypt(int read, bool atEnd)
    {
        if (read < Tag) throw new CryptographicException("The encrypted document is cut short.");
        var length = read - Tag;
        _noncePrefix.CopyTo(_nonce, 0);
        BinaryPrimitives.WriteUInt32BigEndian(_nonce.AsSpan(8), _index++);
        _aes.Decrypt(_nonce, _cipher.AsSpan(0, length), _cipher.AsSpan(length, Tag), _plain.AsSpan(0, length), [atEnd ? (byte)1 : (byte)0]);
        (_offset, _length, _done) = (0, length, atEnd);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
            _source.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _aes.Dispose();
        await _source.DisposeAsync();
        await base.DisposeAsync();
    }
}
