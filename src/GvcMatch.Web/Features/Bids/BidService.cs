using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Bids;

/// <summary>
/// Every change to a bid: create, edit, submit, withdraw and documents. The API and the pages call
/// these, so the deadline, the sealing and who may act for a party are decided in one place.
/// </summary>
public sealed class BidService(AppDbContext db, TimeProvider clock, ReferenceData.ReferenceData reference, BidReads reads,
    BidDocumentStore files, IOptions<BidOptions> options)
{
    public async Task<Outcome<Bid>> CreateAsync(Actor? actor, int requirementId, BidInput input, CancellationToken ct)
    {
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId, ct);
        if (requirement is null || actor is null || (!requirement.IsVisibleToEveryone && !actor.IsMemberOf(requirement.OrganizationId)))
            return Refusal.NotFound("The requirement");
        if (!actor.IsSme || actor.OrganizationId is not { } orgId) return Refusal.Forbidden("Only SMEs bid for requirements.");
        if (OpenForBids(requirement) is { } closed) return closed;
        if (input.ConsortiumId is { } consortiumId && await ConsortiumProblemAsync(orgId, consortiumId, requirementId, ct) is { } refused) return refused;

        var partyKey = Bid.PartyKeyFor(orgId, input.ConsortiumId);
        var existing = await db.Bids.AsNoTracking().Where(b => b.RequirementId == requirementId && b.PartyKey == partyKey).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
            return Refusal.Conflict($"{(input.ConsortiumId is null ? "Your organisation" : "This consortium")} already has bid {id} on this requirement; edit that one.");
        var errors = new Errors();
        input.Validate(errors, requirement, reference, clock.Today());
        if (errors.Any) return Refusal.Invalid(errors);

        var now = clock.GetUtcNow();
        var bid = new Bid
        {
            RequirementId = requirementId, OrganizationId = orgId, ConsortiumId = input.ConsortiumId, PartyKey = partyKey, Status = BidStatus.Draft,
            AnsweredVersion = requirement.Version, CreatedByUserId = actor.UserId, CreatedAt = now, UpdatedAt = now,
        };
        input.ApplyTo(bid);
        db.Bids.Add(bid);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (requirement, party) index: a colleague created the party's bid at the same moment.
            return Refusal.Conflict("Your party already has a bid on this requirement; edit that one.");
        }
        return bid;
    }

    /// <summary>
    /// Saves new contents. A withdrawn bid becomes a draft again; a submitted one stays submitted and so must stay complete,
    /// and its editor must name the version it changes (a draft may be saved without).
    /// </summary>
    public async Task<Outcome<Bid>> UpdateAsync(Actor? actor, int bidId, BidInput input, IfMatch expected, CancellationToken ct)
    {
        var loaded = await LoadForChangeAsync(actor, bidId, ct);
        if (loaded.Refusal is { } f) return f;
        var (bid, requirement) = loaded.Value;
        if (input.ConsortiumId is { } c && c != bid.ConsortiumId) return Refusal.Invalid("consortiumId", "A bid's party cannot change; create a bid for the other party.");
        var required = bid.Status == BidStatus.Submitted ? "is submitted and the buyer will read it as it stands" : null;
        if (expected.Check(bid.ConcurrencyStamp, "this bid", required) is { } stale) return stale;
        var errors = new Errors();
        input.Validate(errors, requirement, reference, clock.Today());
        if (errors.Any) return Refusal.Invalid(errors);

        input.ApplyTo(bid);
        if (bid.Status == BidStatus.Submitted)
        {
            BidRules.CheckComplete(errors, bid, requirement);
            if (errors.Any) return Refusal.Invalid(errors);
        }
        if (bid.Status == BidStatus.Withdrawn)
        {
            bid.Status = BidStatus.Draft;
            bid.WithdrawnAt = null;
        }
        bid.AnsweredVersion = requirement.Version;
        return await SaveAsync(bid, ct);
    }

    public async Task<Outcome<Bid>> SubmitAsync(Actor? actor, int bidId, CancellationToken ct)
    {
        var loaded = await LoadForChangeAsync(actor, bidId, ct);
        if (loaded.Refusal is { } f) return f;
        var (bid, requirement) = loaded.Value;
        if (bid.Status == BidStatus.Withdrawn) return Refusal.Conflict("This bid was withdrawn; save it again to reopen it as a draft, then submit.");
        if (bid.ConsortiumId is { } c && await ConsortiumProblemAsync(bid.OrganizationId, c, bid.RequirementId, ct) is { } refused) return refused;
        var errors = new Errors();
        BidRules.CheckComplete(errors, bid, requirement);
        if (errors.Any) return Refusal.Invalid(errors);
        if (bid.Status == BidStatus.Submitted) return bid;
        bid.Status = BidStatus.Submitted;
        bid.SubmittedAt = clock.GetUtcNow();
        return await SaveAsync(bid, ct);
    }

    public async Task<Outcome<Bid>> WithdrawAsync(Actor? actor, int bidId, CancellationToken ct)
    {
        var loaded = await LoadForChangeAsync(actor, bidId, ct);
        if (loaded.Refusal is { } f) return f;
        var bid = loaded.Value.Bid;
        if (bid.Status == BidStatus.Withdrawn) return Refusal.Conflict("This bid is already withdrawn.");
        bid.Status = BidStatus.Withdrawn;
        bid.WithdrawnAt = clock.GetUtcNow();
        return await SaveAsync(bid, ct);
    }

    /// <summary>A document is part of the bid: adding one checks and replaces the bid's version (<paramref name="expected"/>, optional).</summary>
    public async Task<Outcome<(BidDocument Document, Guid Stamp)>> AddDocumentAsync(Actor? actor, int bidId, Stream content, string rawName, long length, IfMatch expected,
        CancellationToken ct)
    {
        var loaded = await LoadForChangeAsync(actor, bidId, ct);
        if (loaded.Refusal is { } f) return f;
        var bid = loaded.Value.Bid;
        if (expected.Check(bid.ConcurrencyStamp, "this bid") is { } stale) return stale;
        var limits = options.Value;
        if (bid.Documents.Count >= limits.MaxDocuments) return Refusal.Invalid("file", $"A bid carries at most {limits.MaxDocuments} documents; remove one first.");
        var (name, type, refused) = AttachmentStore.Check(rawName, length, limits.MaxDocumentBytes, BidLimits.FileName);
        if (refused is not null) return Refusal.Invalid("file", refused);

        var (stored, problem) = await files.SaveMeasuredAsync(content, name!, limits.MaxDocumentBytes, ct);
        if (stored is null) return Refusal.Invalid("file", problem!);
        var key = stored.Key;
        try
        {
            var document = new BidDocument { FileName = name!, ContentType = type!, Length = stored.Length, StoredName = key, Sha256 = stored.Sha256, UploadedAt = clock.GetUtcNow() };
            bid.Documents.Add(document);
            var saved = await SaveAsync(bid, ct);
            if (saved.Refusal is { } lost)
            {
                files.Delete(key);
                return lost;
            }
            return (document, bid.ConcurrencyStamp);
        }
        catch
        {
            files.Delete(key);
            throw;
        }
    }

    /// <summary>Removes a document, in the bid's version <paramref name="expected"/> names (optional).</summary>
    public async Task<Outcome<Bid>> DeleteDocumentAsync(Actor? actor, int bidId, int documentId, IfMatch expected, CancellationToken ct)
    {
        var loaded = await LoadForChangeAsync(actor, bidId, ct);
        if (loaded.Refusal is { } f) return f;
        var bid = loaded.Value.Bid;
        var document = bid.Documents.FirstOrDefault(d => d.Id == documentId);
        if (document is null) return Refusal.NotFound("The document");
        if (expected.Check(bid.ConcurrencyStamp, "this bid") is { } stale) return stale;
        bid.Documents.Remove(document);
        var saved = await SaveAsync(bid, ct);
        if (saved.Ok) files.Delete(document.StoredName);
        return saved;
    }

    /// <summary>Bids are taken only on a published requirement with a deadline that has not passed.</summary>
    private Refusal? OpenForBids(Requirement requirement)
    {
        if (requirement.Status != RequirementStatus.Published)
            return Refusal.Conflict($"A {requirement.Status.ToString().ToLowerInvariant()} requirement takes no bids.");
        if (requirement.BidsCloseAt is not { } closes) return Refusal.Invalid("requirement", "The buyer has set no response deadline, so this requirement takes no bids yet.");
        if (requirement.DeadlinePassed(clock.GetUtcNow())) return Refusal.Conflict($"Bids closed at {closes:yyyy-MM-dd HH:mm} UTC; bids are frozen.");
        return null;
    }

    /// <summary>The caller's organisation must lead an active consortium formed for this requirement; a non-member learns nothing about it.</summary>
    public async Task<Refusal?> ConsortiumProblemAsync(int orgId, int consortiumId, int requirementId, CancellationToken ct)
    {
        var consortium = await db.Consortia.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == consortiumId, ct);
        var isMember = consortium?.Members.Any(m => m.OrganizationId == orgId && m.Status == ConsortiumMemberStatus.Accepted) == true;
        if (consortium is null || !isMember) return Refusal.NotFound("The consortium");
        if (consortium.RequirementId != requirementId) return Refusal.Invalid("consortiumId", "This consortium was formed for another requirement.");
        if (consortium.LeadOrganizationId != orgId) return Refusal.Forbidden("Only the consortium's lead organisation acts for it in a bid.");
        if (consortium.Status != ConsortiumStatus.Active)
            return Refusal.Conflict("The consortium is not active: it bids once at least two members, the lead included, have accepted.");
        return null;
    }

    /// <summary>Null when the caller may change the bid now; otherwise the refusal it would get.</summary>
    public async Task<Refusal?> CanChangeAsync(Actor? actor, int bidId, CancellationToken ct) =>
        (await LoadForChangeAsync(actor, bidId, ct)).Refusal;

    private async Task<Outcome<(Bid Bid, Requirement Requirement)>> LoadForChangeAsync(Actor? actor, int bidId, CancellationToken ct)
    {
        var bid = await db.Bids.Include(b => b.Answers).Include(b => b.Subcontractors).Include(b => b.Documents).AsSplitQuery()
            .FirstOrDefaultAsync(b => b.Id == bidId, ct);
        if (bid is null || actor is null) return Refusal.NotFound("The bid");
        if (!actor.IsMemberOf(bid.OrganizationId))
        {
            // A consortium member may read its bid; it learns why it may not change it. Anyone else learns nothing.
            var reader = actor.OrganizationId is { } org && await reads.IsConsortiumMemberAsync(bid.ConsortiumId, org, ct);
            return reader ? Refusal.Forbidden("Only the consortium's lead organisation changes its bid.") : Refusal.NotFound("The bid");
        }
        var requirement = await db.Requirements.AsNoTracking().FirstAsync(r => r.Id == bid.RequirementId, ct);
        if (OpenForBids(requirement) is { } closed) return closed;
        return (bid, requirement);
    }

    private async Task<Outcome<Bid>> SaveAsync(Bid bid, CancellationToken ct)
    {
        bid.UpdatedAt = clock.GetUtcNow();
        bid.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Stale("Someone else changed this bid at the same moment; reload it and try again.");
        }
        return bid;
    }
}
