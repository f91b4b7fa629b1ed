using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Search;

/// <summary>Expands outbox rows into the documents they affect and builds those documents from the database.</summary>
public static class IndexChanges
{
    public static async Task<HashSet<(DocumentKind Kind, int Id)>> ExpandAsync(AppDbContext db, IReadOnlyList<IndexOutboxEntry> rows, CancellationToken ct)
    {
        var targets = new HashSet<(DocumentKind, int)>();
        var organizations = rows.Where(r => r.Subject == OutboxSubject.Organization).Select(r => r.SubjectId).Distinct().ToList();
        var profiles = rows.Where(r => r.Subject == OutboxSubject.Profile).Select(r => r.SubjectId).Distinct().ToList();
        if (profiles.Count > 0)
            organizations.AddRange(await db.Profiles.Where(p => profiles.Contains(p.Id)).Select(p => p.OrganizationId).ToListAsync(ct));

        foreach (var id in organizations.Distinct()) targets.Add((DocumentKind.Supplier, id));
        if (organizations.Count > 0)
        {
            // A cluster's certificates, name or verification decide what its accepting members hold through it.
            foreach (var accepted in await db.GroupCertificates.Where(g => organizations.Contains(g.ClusterOrganizationId)).Select(g => g.AcceptedOrganizationIds).ToListAsync(ct))
                foreach (var id in accepted) targets.Add((DocumentKind.Supplier, id));
            // An organisation's name, country and badge appear on its listings and requirements too.
            foreach (var id in await db.IpListings.Where(i => organizations.Contains(i.OrganizationId)).Select(i => i.Id).ToListAsync(ct))
                targets.Add((DocumentKind.IpListing, id));
            foreach (var id in await db.Requirements.Where(r => organizations.Contains(r.OrganizationId)).Select(r => r.Id).ToListAsync(ct))
                targets.Add((DocumentKind.Requirement, id));
        }
        foreach (var r in rows.Where(r => r.Subject == OutboxSubject.IpListing)) targets.Add((DocumentKind.IpListing, r.SubjectId));
        foreach (var r in rows.Where(r => r.Subject == OutboxSubject.Requirement)) targets.Add((DocumentKind.Requirement, r.SubjectId));
        return targets;
    }

    /// <summary>
    /// The current document for each target, or a delete when the item is gone or no longer
    /// visible to everyone (unpublished, stale, draft).
    /// </summary>
    /// <remarks>
    /// With <paramref name="embeddings"/> enabled, suppliers and requirements carry their vectors,
    /// and their phrases are stored for scoring: this is where a written profile gets embedded.
    /// </remarks>
    public static async Task<List<IndexChange>> BuildAsync(
        AppDbContext db, IReadOnlyCollection<(DocumentKind Kind, int Id)> targets, DateOnly today, EmbeddingCache? embeddings,
        GvcMatch.Matching.Understanding.CapabilityVocabulary vocabulary, CancellationToken ct)
    {
        var changes = new List<IndexChange>(targets.Count);
        var found = new HashSet<(DocumentKind, int)>();

        var suppliers = IdsOf(targets, DocumentKind.Supplier);
        if (suppliers.Count > 0)
        {
            var profiles = await SupplierDocuments.Indexable(db, today).Where(p => suppliers.Contains(p.OrganizationId)).ToListAsync(ct);
            foreach (var doc in await DocumentVectors.SuppliersAsync(embeddings, db, profiles, today, vocabulary, withPhrases: true, ct)) Add(doc);
        }

        var ip = IdsOf(targets, DocumentKind.IpListing);
        if (ip.Count > 0)
            foreach (var i in await ListingDocuments.IndexableIp(db).Where(i => ip.Contains(i.Id)).ToListAsync(ct))
                Add(ListingDocuments.Build(i));

        var requirements = IdsOf(targets, DocumentKind.Requirement);
        if (requirements.Count > 0)
        {
            var open = await ListingDocuments.IndexableRequirements(db).Where(r => requirements.Contains(r.Id)).ToListAsync(ct);
            foreach (var doc in await DocumentVectors.RequirementsAsync(embeddings, db, open, withPhrases: true, ct)) Add(doc);
        }

        changes.AddRange(targets.Where(t => !found.Contains(t)).Select(t => new IndexChange(t.Kind, t.Id, null)));
        return changes;

        void Add(SearchDocument doc)
        {
            found.Add((doc.Kind, doc.EntityId));
            changes.Add(new IndexChange(doc.Kind, doc.EntityId, doc));
        }
    }

    private static List<int> IdsOf(IEnumerable<(DocumentKind Kind, int Id)> targets, DocumentKind kind) =>
        targets.Where(t => t.Kind == kind).Select(t => t.Id).ToList();
}
