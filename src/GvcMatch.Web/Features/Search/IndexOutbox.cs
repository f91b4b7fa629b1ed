using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GvcMatch.Web.Features.Search;

/// <summary>Finds the tracked changes the index must hear about and turns them into outbox rows.</summary>
public static class IndexOutbox
{
    /// <summary>Called before saving: remembers the changed entries (their ids may not exist yet).</summary>
    public static List<EntityEntry> Collect(ChangeTracker tracker) =>
        tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is Organization or CapabilityProfile or Certification or IpListing or Requirement or Disclosures.Disclosure or Consortia.GroupCertificate)
            .ToList();

    /// <summary>Called after the first save, inside the same transaction: every id is known now.</summary>
    public static IEnumerable<IndexOutboxEntry> Rows(IEnumerable<EntityEntry> entries, DateTimeOffset now) =>
        entries.SelectMany(e => e.Entity switch
            {
                Organization o => [(OutboxSubject.Organization, o.Id)],
                CapabilityProfile p => [(OutboxSubject.Organization, p.OrganizationId)],
                Certification c => [(OutboxSubject.Profile, c.ProfileId)],
                IpListing i => [(OutboxSubject.IpListing, i.Id)],
                Requirement r => [(OutboxSubject.Requirement, r.Id)],
                // The cluster's row: expanding it re-indexes the members that accept its certificates now;
                // the members whose acceptance this change ended are queued themselves.
                Consortia.GroupCertificate g => g.Released.Select(id => (OutboxSubject.Organization, id)).Prepend((OutboxSubject.Organization, g.ClusterOrganizationId)),
                // A disclosure is part of its organisation's supplier document.
                Disclosures.Disclosure d => [(OutboxSubject.Organization, d.OrganizationId)],
                _ => throw new InvalidOperationException("Unexpected entity in the index outbox."),
            })
            .Distinct()
            .Select(x => new IndexOutboxEntry { Subject = x.Item1, SubjectId = x.Item2, CreatedAt = now });
}
