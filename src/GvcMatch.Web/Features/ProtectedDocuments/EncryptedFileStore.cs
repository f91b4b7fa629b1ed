using System.Buffers.Binary;
using System.Security.Cryptography;
using GvcMatch.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>
/// Protected files at rest: each file is encrypted with a key of its own (AES-256-GCM in 64 KB chunks,
/// each chunk authenticated, the last one marked so a cut-off file is detected), and that key is
/// stored beside the file's row wrapped by ASP.NET Core Data Protection. The stored bytes alone
/// reveal nothing; the database's key ring (encrypted with a certificate in Production) is needed too.
/// Chunks let a file be written and read without holding it whole.
/// </summary>
public sealed class EncryptedFileStore(IOptions<ProtectedDocumentOptions> options, IOptions<DataFolderOptions> data, IHostEnvironment env, IDataProtectionProvider protection)
{
    private const int Chunk = DecryptingStream.Chunk;
    private const int Tag = DecryptingStream.Tag;
    private static readonly byte[] Magic = DecryptingStream.Magic;

    private readonly IDataProtector _keys = protection.CreateProtector("GvcMatch.ProtectedDocuments.FileKeys.v1");

    public string Folder { get; } = string.IsNullOrWhiteSpace(options.Value.Folder)
        ? Path.Combine(data.Value.Resolve(env.ContentRootPath), "protected-documents")
        : Path.GetFullPath(options.Value.Folder, env.ContentRootPath);

    /// <summary>Encrypts <paramref name="content"/> under a new storage key; returns the key and the file key wrapped for the database.</summary>
    public async Task<(string StorageKey, string ProtectedKey)> SaveAsync(Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var storageKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var key = RandomNumberGenerator.GetBytes(32);
        var noncePrefix = RandomNumberGenerator.GetBytes(8);
        try
        {
            await using var file = new FileStream(PathOf(storageKey), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await file.WriteAsync(Magic, ct);
            await file.WriteAsync(noncePrefix, ct);
            using var aes = new AesGcm(key, Tag);
            var plain = new byte[Chunk];
            var next = new byte[Chunk];
            var cipher = new byte[Chunk + Tag];
            var filled = await content.ReadAtLeastAsync(plain, Chunk, throwOnEndOfStream: false, ct);
            for (uint index = 0; ; index++)
            {
                // Read one chunk ahead to know whether this one is the last.
                var nextFilled = filled == Chunk ? await content.ReadAtLeastAsync(next, Chunk, throwOnEndOfStream: false, ct) : 0;
                var last = nextFilled == 0;
                aes.Encrypt(Nonce(noncePrefix, index), plain.AsSpan(0, filled), cipher.AsSpan(0, filled), cipher.AsSpan(filled, Tag), [last ? (byte)1 : (byte)0]);
                await file.WriteAsync(cipher.AsMemory(0, filled + Tag), ct);
                if (last) break;
                (plain, next) = (next, plain);
                filled = nextFilled;
            }
        }
        catch
        {
            Delete(storageKey);
            throw;
        }
        return (storageKey, Convert.ToBase64String(_keys.Protect(key)));
    }

    /// <summary>Decrypts a stored file into <paramref name="destination"/>, chunk by chunk; a tampered or truncated file throws <see cref="CryptographicException"/>.</summary>
    public async Task DecryptToAsync(string storageKey, string protectedKey, Stream destination, CancellationToken ct)
    {
        await using var plain = await OpenReadAsync(storageKey, protectedKey, ct);
        await plain.CopyToAsync(destination, Chunk, ct);
    }

    /// <summary>A stored file as a forward-only stream of its plain bytes, decrypted one chunk at a time as it is read.</summary>
    public async Task<DecryptingStream> OpenReadAsync(string storageKey, string protectedKey, CancellationToken ct)
    {
        var key = _keys.Unprotect(Convert.FromBase64String(protectedKey));
        var file = new FileStream(PathOf(storageKey), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return await DecryptingStream.OpenAsync(file, key, ct);
    }

    /// <summary>The raw stored bytes (for tests and backups: they are ciphertext).</summary>
    public string PathOf(string storageKey) =>
        storageKey.Length == 32 && storageKey.All(char.IsAsciiHexDigitLower) ? Path.Combine(Folder, storageKey) : throw new ArgumentException("Not a storage key.", nameof(storageKey));

    public void Delete(string storageKey)
    {
        try { File.Delete(PathOf(storageKey)); }
        catch (IOException) { }
    }

    private static byte[] Nonce(byte[] prefix, uint index)
    {
        var nonce = new byte[12];
        prefix.CopyTo(nonce, 0);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), index);
        return nonce;
    }
}
