using GvcMatch.Matching;
using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Vocabulary;

/// <summary>
/// The tags people write that name no vocabulary concept, most frequent first: where the
/// vocabulary should grow next. Read from the most recently updated profiles and requirements
/// (a bounded window, so the admin page answers in a moment on a large marketplace).
/// </summary>
public static class UnknownTags
{
    public const int Window = 5_000;

    public static async Task<UnknownTagsDto> ReadAsync(AppDbContext db, CapabilityVocabulary vocabulary, int take, CancellationToken ct)
    {
        var profiles = await db.Profiles.AsNoTracking().OrderByDescending(p => p.UpdatedAt).Take(Window)
            .Select(p => new { p.Capabilities, p.Materials }).ToListAsync(ct);
        var requirements = await db.Requirements.AsNoTracking().OrderByDescending(r => r.UpdatedAt).Take(Window).ToListAsync(ct);

        var counts = new Dictionary<string, (string Shown, int Profiles, int Requirements)>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in profiles)
        {
            foreach (var tag in Unknown(vocabulary, p.Capabilities.Concat(p.Materials)))
                counts[tag] = counts.TryGetValue(tag, out var c) ? (c.Shown, c.Profiles + 1, c.Requirements) : (tag, 1, 0);
        }
        foreach (var r in requirements)
        {
            var keywords = r.Criteria.Where(c => c.Kind == CriterionKind.CapabilityFit).SelectMany(c => c.Keywords ?? []);
            foreach (var tag in Unknown(vocabulary, keywords))
                counts[tag] = counts.TryGetValue(tag, out var c) ? (c.Shown, c.Profiles, c.Requirements + 1) : (tag, 0, 1);
        }
        var top = counts.Values.OrderByDescending(c => c.Profiles + c.Requirements).ThenBy(c => c.Shown, StringComparer.OrdinalIgnoreCase)
            .Take(take).Select(c => new UnknownTagDto(c.Shown, c.Profiles, c.Requirements)).ToList();
        return new UnknownTagsDto(profiles.Count, requirements.Count, top);
    }

    /// <summary>Distinct tags of one profile or requirement in which the vocabulary recognises nothing.</summary>
    private static IEnumerable<string> Unknown(CapabilityVocabulary vocabulary, IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Where(t => vocabulary.Tag(t).Count == 0);
}
