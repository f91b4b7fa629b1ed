using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Ndas;

/// <summary>A template as offered to an owner: the platform's (by language and kind) or the owner's own.</summary>
/// <summary>A template as offered to an owner: the platform's (by language and kind) or the owner's own, with the original file's link when it was uploaded as one.</summary>
public sealed record NdaTemplateText(string Ref, string Name, NdaKind Kind, string Language, string Version, string Text, string? FileUrl = null);

/// <summary>The values filled into a template; the parties come from the organisations, the rest from the owner's policy.</summary>
public sealed record NdaVariables(string Owner, string Recipient, string Purpose, int TermMonths, string GoverningLaw, string Jurisdiction);

/// <summary>
/// The platform's NDA templates, mutual and one-way in each interface language, read once from
/// <c>seeds/reference/nda-templates/{language}.json</c>, and the organisations' own texts. A template
/// names its variables as <c>{{owner}}</c>, <c>{{recipient}}</c>, <c>{{purpose}}</c>, <c>{{term}}</c>,
/// <c>{{governingLaw}}</c> and <c>{{jurisdiction}}</c>.
/// </summary>
public sealed class NdaTemplates
{
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "ja"];
    public static readonly IReadOnlyList<string> Variables = ["owner", "recipient", "purpose", "term", "governingLaw", "jurisdiction"];

    private readonly FrozenDictionary<string, NdaTemplateText> _platform;

    public NdaTemplates(IOptions<SeedsOptions> seeds)
    {
        var folder = Path.Combine(seeds.Value.Resolve(), "reference", "nda-templates");
        var all = new Dictionary<string, NdaTemplateText>();
        foreach (var language in Languages)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, $"{language}.json")));
            var version = json.RootElement.GetProperty("version").GetString()!;
            foreach (var (kind, property) in new[] { (NdaKind.Mutual, "mutual"), (NdaKind.OneWay, "oneWay") })
            {
                var t = json.RootElement.GetProperty(property);
                var text = string.Join('\n', t.GetProperty("text").EnumerateArray().Select(l => l.GetString()));
                var @ref = PlatformRef(kind, language);
                all[@ref] = new(@ref, t.GetProperty("name").GetString()!, kind, language, version, text);
            }
        }
        _platform = all.ToFrozenDictionary();
    }

    public IReadOnlyCollection<NdaTemplateText> Platform => _platform.Values;

    public static string PlatformRef(NdaKind kind, string language) => $"platform:{(kind == NdaKind.Mutual ? "mutual" : "one-way")}:{language}";

    public static string OrganizationRef(int templateId) => $"org:{templateId}";

    /// <summary>
    /// The template a reference names, if <paramref name="organizationId"/> may use it: every platform
    /// template, and the organisation's own. An organisation's text is immutable, so its version is its id.
    /// </summary>
    public async Task<NdaTemplateText?> FindAsync(AppDbContext db, string? templateRef, int organizationId, CancellationToken ct)
    {
        if (templateRef is null) return null;
        if (_platform.TryGetValue(templateRef, out var platform)) return platform;
        if (!templateRef.StartsWith("org:", StringComparison.Ordinal) || !int.TryParse(templateRef.AsSpan(4), out var id)) return null;
        var own = await db.NdaTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.OrganizationId == organizationId, ct);
        return own is null ? null : Describe(own);
    }

    public static NdaTemplateText Describe(NdaTemplate t) =>
        new(OrganizationRef(t.Id), t.Name, t.Kind, t.Language, $"org-{t.Id}", t.Text, t.SourceStorageKey is null ? null : FileUrl(t.Id));

    public static string FileUrl(int templateId) => $"/api/nda-templates/{templateId}/file";

    /// <summary>The text with its variables filled in: what the recipient reads, accepts and gets as a record.</summary>
    public static string Render(NdaTemplateText template, NdaVariables v) => new StringBuilder(template.Text)
        .Replace("{{owner}}", v.Owner)
        .Replace("{{recipient}}", v.Recipient)
        .Replace("{{purpose}}", v.Purpose)
        .Replace("{{term}}", v.TermMonths.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{{governingLaw}}", v.GoverningLaw)
        .Replace("{{jurisdiction}}", v.Jurisdiction)
        .ToString();

    /// <summary>The SHA-256 of the text's UTF-8 bytes, lower-case hex: the same figure on the record, in the API and on the page.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
