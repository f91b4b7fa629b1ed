using System.Globalization;
using GvcMatch.Documents;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Offers;

/// <summary>
/// The printable heads of terms of an accepted licence term sheet: the parties, the listing, the
/// terms, the NDA that covers the listing between them (its record number and text hash), and the
/// trail of offers and counters that ended in the acceptance. The same PDF for both parties; it is
/// written when asked for, from the stored offers, so it always says what was accepted.
/// </summary>
public static class HeadsOfTerms
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The PDF, or null when the caller is not a party, the offer is not an accepted licence, or it does not exist.</summary>
    public static async Task<byte[]?> PdfAsync(AppDbContext db, Actor? actor, long offerId, CancellationToken ct)
    {
        var (agreement, _) = await AgreementQuery.LoadAsync(db, actor, offerId, ct);
        if (agreement is null || agreement.Terms.Licence is not { } sheet) return null;
        var listingId = agreement.Terms.IpListingId ?? 0;
        var listing = await db.IpListings.AsNoTracking().Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == listingId, ct);
        var licensorId = listing?.OrganizationId ?? agreement.Proposer.OrganizationId;
        var (licensor, licensee) = agreement.Proposer.OrganizationId == licensorId
            ? (agreement.Proposer, agreement.Acceptor) : (agreement.Acceptor, agreement.Proposer);
        // The NDA in force between the two about this listing when the terms were accepted, else the latest one.
        var ndas = await db.Set<Nda>().AsNoTracking()
            .Where(n => n.Subject == NdaSubject.IpListing && n.SubjectId == listingId && n.OwnerOrganizationId == licensor.OrganizationId
                && n.RecipientOrganizationId == licensee.OrganizationId)
            .ToListAsync(ct);
        var nda = ndas.Where(n => n.AcceptedAt <= agreement.AcceptedAt && n.IsValidAt(agreement.AcceptedAt)).OrderByDescending(n => n.AcceptedAt).FirstOrDefault()
            ?? ndas.OrderByDescending(n => n.AcceptedAt).FirstOrDefault();

        var facts = new List<(string, string)>
        {
            ("Licensor", Party(licensor)),
            ("Licensee", Party(licensee)),
            ("IP listing", listing is null ? $"#{listingId} (listing removed)" : Listing(listing)),
            ("Deal", Words(sheet.Kind.ToString())),
        };
        if (sheet.FieldOfUse is { } field) facts.Add(("Field of use", field));
        if (sheet.Territory.Count > 0) facts.Add(("Territory", string.Join(", ", sheet.Territory)));
        if (sheet.TermYears is { } years) facts.Add(("Term", $"{years} years from signature"));
        if (sheet.Kind != DealKind.Sale) facts.Add(("Sublicensing", sheet.SublicensingAllowed ? "allowed" : "not allowed"));
        if (sheet.Improvements is { } owner) facts.Add(("Improvements belong to", Words(owner.ToString())));
        if (sheet.RoyaltyPercent is { } royalty) facts.Add(("Royalty", $"{royalty.ToString("0.##", Invariant)} % of net sales"));
        if (sheet.LumpSum is { } sum) facts.Add(("Lump sum", Money(sum, sheet.Currency)));
        foreach (var m in sheet.Milestones) facts.Add(("Milestone", $"{m.Label}: {Money(m.Amount, m.Currency)}"));
        if (agreement.Terms.Notes is { } notes) facts.Add(("Notes", notes));
        facts.Add(("NDA", nda is null
            ? "No NDA covers this listing between the parties."
            : $"NDA record #{nda.Id}, accepted {nda.AcceptedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {nda.AcceptedByName}, template {nda.TemplateRef} version {nda.TemplateVersion}, SHA-256 of its text {nda.TextSha256}"));

        var trail = new List<string> { "Acceptance trail (UTC):" };
        trail.AddRange(agreement.Chain.Select(o =>
            $"Offer #{o.Id} proposed {o.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} by organisation #{o.ProposedByOrganizationId}: {o.State.ToLowerInvariant()}"
            + (o.DecidedAt is { } at ? $" {at.UtcDateTime:yyyy-MM-dd HH:mm:ss}" : "")));
        trail.Add($"Proposed by {agreement.ProposedBy} ({agreement.Proposer.Name}); accepted by {agreement.AcceptedBy} ({agreement.Acceptor.Name}) at {agreement.AcceptedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");
        trail.Add("");
        trail.Add("These heads of terms record what the parties agreed in principle. They are not a licence agreement: the licence is granted only by a signed agreement on these terms.");

        return RecordPdf.Write($"Licence heads of terms, offer #{agreement.Terms.Id}", facts, string.Join("\n", trail),
            footer: $"GvcMatch heads of terms · conversation #{agreement.ConversationId} · offer #{agreement.Terms.Id}");
    }

    private static string Party(AgreementParty p) => p.City is null ? $"{p.Name} ({p.Country})" : $"{p.Name} ({p.City}, {p.Country})";

    private static string Listing(IpListing i)
    {
        var number = i.GrantNumber ?? i.ApplicationNumber;
        return $"#{i.Id} {i.Title} ({Words(i.Kind.ToString())}{(number is null ? "" : ", " + number)})";
    }

    private static string Money(decimal amount, string? currency) => $"{currency} {amount.ToString("#,0.00", Invariant)}".Trim();

    /// <summary>"ExclusiveLicence" → "exclusive licence".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
