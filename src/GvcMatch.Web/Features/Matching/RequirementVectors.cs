using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Features.Matching;

/// <summary>
/// A requirement's vector for the nearest-neighbour list of retrieval: the one stored when it was
/// published (the indexer embeds it), read by the hash of its text. Null when the semantic stage is off.
/// </summary>
public sealed class RequirementVectors(EmbeddingCache embeddings, IServiceScopeFactory scopes)
{
    public async Task<float[]?> FindAsync(Requirement requirement, CancellationToken ct)
    {
        if (!embeddings.IsEnabled) return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var text = EmbeddingTexts.ForRequirement(requirement);
        var embedded = await embeddings.GetOrCreateAsync(db, [text], EmbeddingKind.Document, ct);
        return embedded.Vectors.GetValueOrDefault(text);
    }
}
