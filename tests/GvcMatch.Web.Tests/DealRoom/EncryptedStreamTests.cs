using System.Security.Cryptography;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.DealRoom;

/// <summary>A stored file reads back as a stream of plain bytes, one chunk at a time, whatever its size.</summary>
public sealed class EncryptedStreamTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    [Fact]
    public async Task AFiftyMegabyteFileReadsBackWholeWithoutEverBeingBufferedWhole()
    {
        var store = app.Services.GetRequiredService<EncryptedFileStore>();
        using var written = SHA256.Create();
        var (key, protectedKey) = await store.SaveAsync(new PatternStream(FiftyMegabytes, written), CancellationToken.None);
        try
        {
            using var read = SHA256.Create();
            await using var plain = await store.OpenReadAsync(key, protectedKey, CancellationToken.None);
            var buffer = new byte[81920];
            long total = 0;
            // Synchronous reads keep the work on this thread, so its allocation counter sees all of it.
            var before = GC.GetAllocatedBytesForCurrentThread();
            int n;
            while ((n = plain.Read(buffer)) > 0)
            {
                read.TransformBlock(buffer, 0, n, null, 0);
                total += n;
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            read.TransformFinalBlock([], 0, 0);

            Assert.Equal(FiftyMegabytes, total);
            Assert.Equal(written.Hash, read.Hash);
            Assert.True(allocated < 1024 * 1024, $"Reading 50 MB allocated {allocated / 1024} KB: the file is being buffered.");
        }
        finally { store.Delete(key); }
    }

    [Fact]
    public async Task AnAsyncReaderGetsTheSameBytesAndACutOffFileIsRefused()
    {
        var store = app.Services.GetRequiredService<EncryptedFileStore>();
        var content = RandomNumberGenerator.GetBytes(3 * DecryptingStream.Chunk + 123);
        var (key, protectedKey) = await store.SaveAsync(new MemoryStream(content), CancellationToken.None);
        var copy = new MemoryStream();
        await using (var plain = await store.OpenReadAsync(key, protectedKey, CancellationToken.None))
            await plain.CopyToAsync(copy, 1000);
        Assert.Equal(content, copy.ToArray());

        // Dropping the last chunk leaves a file whose end is not the chunk marked last.
        var path = store.PathOf(key);
        var stored = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, stored[..(DecryptingStream.HeaderLength + 3 * (DecryptingStream.Chunk + DecryptingStream.Tag))]);
        await Assert.ThrowsAnyAsync<CryptographicException>(async () =>
        {
            await using var plain = await store.OpenReadAsync(key, protectedKey, CancellationToken.None);
            await plain.CopyToAsync(Stream.Null);
        });
        store.Delete(key);
    }

    /// <summary>A long, varied content made on the fly (never held whole), hashed as it is read.</summary>
    private sealed class PatternStream(long length, HashAlgorithm hash) : Stream
    {
        private long _position;
        private bool _finished;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++) buffer[offset + i] = (byte)((_position + i) * 2654435761L >> 13);
            _position += n;
            if (n > 0) hash.TransformBlock(buffer, offset, n, null, 0);
            else if (!_finished) hash.TransformFinalBlock([], 0, 0);
            _finished = n == 0;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
