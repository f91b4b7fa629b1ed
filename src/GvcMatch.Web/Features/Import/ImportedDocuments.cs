using GvcMatch.Web.Features.Certificates;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Import;

/// <summary>
/// Certificate documents named in a seeds file (<c>profile.certifications[i].document</c>): a path
/// relative to the file, read only by the import command (an uploaded file has no folder to read
/// from, and a server path in an upload would let it read the server's disk). Each file passes the
/// same checks as an upload on the profile page and is stored before its row is applied; a file
/// that is already the certificate's document (same SHA-256) is not stored again.
/// </summary>
public sealed class ImportedDocuments(CertificateDocumentStore files, IOptions<CertificateOptions> options)
{
    /// <param name="Existing">The certificate already carries this very file (same SHA-256): nothing was stored.</param>
    public sealed record Staged(int Index, StoredFile File, string Name, string ContentType, bool Existing = false);

    /// <summary>Checks and stores the documents of one profile row; on any problem nothing stays stored and the errors name the fields.</summary>
    public async Task<List<Staged>> StageAsync(ProfileRow profile, string? folder, ImportOrigin origin, IReadOnlyList<Certification> current, Errors errors, CancellationToken ct)
    {
        var staged = new List<Staged>();
        var certificates = profile.Certifications ?? [];
        for (var i = 0; i < certificates.Count; i++)
        {
            if (certificates[i]?.Document is not { } document) continue;
            var field = $"profile.certifications[{i}].document";
            if (origin != ImportOrigin.Command || folder is null)
            {
                errors.Add(field, "Certificate documents are read from disk only by the import command; attach them on the profile page instead.");
                continue;
            }
            if (Resolve(folder, document) is not { } path)
            {
                errors.Add(field, $"'{document}' is not a file in the folder of the seeds file or below it.");
                continue;
            }
            // Read once: the checks, the hash and the stored copy all see the same bytes, even if the file changes meanwhile.
            var max = options.Value.MaxDocumentBytes;
            var bytes = await ReadAtMostAsync(path, max + 1, ct);
            var (name, type, problem) = CertificateDocumentStore.Check(Path.GetFileName(path), bytes.Length, max, ProfileLimits.Short, CertificateDocumentStore.Extensions);
            if (problem is not null)
            {
                errors.Add(field, problem);
                continue;
            }
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            if (i < current.Count && current[i] is { DocumentKey: { } key, DocumentSha256: { } held } && held == sha)
            {
                staged.Add(new Staged(i, new StoredFile(key, current[i].DocumentLength ?? bytes.Length, held), current[i].DocumentName ?? name!, current[i].DocumentContentType ?? type!, Existing: true));
                continue;
            }
            using var content = new MemoryStream(bytes, writable: false);
            var (stored, contentProblem) = await files.SaveMeasuredAsync(content, name!, max, ct);
            if (stored is null) errors.Add(field, contentProblem!);
            else staged.Add(new Staged(i, stored, name!, type!));
        }
        if (errors.Any) Discard(staged);
        return staged;
    }

    /// <summary>Puts the documents on the profile's certificates; returns the keys they replaced and whether any certificate changed.</summary>
    public static (List<string> Replaced, bool Changed) Apply(IReadOnlyList<Staged> staged, IReadOnlyList<Certification> certificates, ProfileRow row, DateTimeOffset now)
    {
        var replaced = new List<string>();
        var changed = false;
        foreach (var s in staged)
        {
            var c = certificates[s.Index];
            if (c.DocumentKey == s.File.Key) continue;
            changed = true;
            if (c.DocumentKey is { } old) replaced.Add(old);
            (c.DocumentKey, c.DocumentName, c.DocumentContentType, c.DocumentLength, c.DocumentSha256, c.DocumentUploadedAt) =
                (s.File.Key, s.Name, s.ContentType, s.File.Length, s.File.Sha256, now);
            // A new document was not the one checked, unless the file says what level it has.
            if (row.Certifications![s.Index]!.Evidence is null && c.Evidence == GvcMatch.Matching.Certifications.EvidenceLevel.DocumentChecked)
                c.Evidence = GvcMatch.Matching.Certifications.EvidenceLevel.SelfDeclared;
        }
        return (replaced, changed);
    }

    public void Discard(IEnumerable<Staged> staged)
    {
        foreach (var s in staged.Where(s => !s.Existing)) files.Delete(s.File.Key);
    }

    public void Delete(string key) => files.Delete(key);

    /// <summary>The file's bytes, at most <paramref name="limit"/> of them (one more than allowed is enough to refuse it as too large).</summary>
    private static async Task<byte[]> ReadAtMostAsync(string path, long limit, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await file.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    /// <summary>The full path of <paramref name="relative"/> when it names an existing file inside <paramref name="folder"/>.</summary>
    private static string? Resolve(string folder, string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative)) return null;
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, relative));
        return path.StartsWith(root, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }
}
