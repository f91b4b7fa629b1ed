using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>
/// Builds supplier and requirement documents with their vectors, a page at a time (one model call
/// per page for whatever is new). With <paramref name="withPhrases"/> the tags and keywords are
/// embedded too: at write time, so scoring later finds every phrase in the cache.
/// </summary>
public static class DocumentVectors
{
    public static async Task<List<SearchDocument>> SuppliersAsync(
        EmbeddingCache? cache, AppDbContext db, IReadOnlyList<CapabilityProfile> profiles, DateOnly today,
        GvcMatch.Matching.Understanding.CapabilityVocabulary vocabulary, bool withPhrases, CancellationToken ct)
    {
        var groupHeld = await Consortia.GroupHeldCertificates.ForAsync(db, profiles.Select(p => p.OrganizationId).ToList(), ct);
        var documents = profiles.Select(p => SupplierDocuments.Build(p, today, vocabulary, groupHeld.GetValueOrDefault(p.OrganizationId))).ToList();
        if (cache is not { IsEnabled: true } || profiles.Count == 0) return documents;
        var texts = profiles.Select(p => EmbeddingTexts.ForProfile(p, vocabulary)).ToList();
        var embedded = await cache.GetOrCreateAsync(db, texts, EmbeddingKind.Document, ct);
        if (withPhrases) await cache.GetOrCreateAsync(db, profiles.SelectMany(EmbeddingTexts.PhrasesOf), EmbeddingKind.Phrase, ct);
        return documents.Select((d, i) => d with { Vector = embedded.Vectors[texts[i]] }).ToList();
    }

    public static async Task<List<SearchDocument>> RequirementsAsync(
        EmbeddingCache? cache, AppDbContext db, IReadOnlyList<Requirement> requirements, bool withPhrases, CancellationToken ct)
    {
        var documents = requirements.Select(ListingDocuments.Build).ToList();
        if (cache is not { IsEnabled: true } || requirements.Count == 0) return documents;
        var texts = requirements.Select(EmbeddingTexts.ForRequirement).ToList();
        var embedded = await cache.GetOrCreateAsync(db, texts, EmbeddingKind.Document, ct);
        if (withPhrases) await cache.GetOrCreateAsync(db, requirements.SelectMany(EmbeddingTexts.PhrasesOf), EmbeddingKind.Phrase, ct);
        return documents.Select((d, i) => d with { Vector = embedded.Vectors[texts[i]] }).ToList();
    }
}
