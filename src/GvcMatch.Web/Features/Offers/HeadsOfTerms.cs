using System.Globalization;
using GvcMatch.Documents;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Localization;
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
    public static async Task<byte[]?> PdfAsync(AppDbContext db, Actor? actor, long offerId, CancellationToken ct) =>
        await ContentAsync(db, actor, offerId, ct) is { } content ? RecordPdf.Write(content) : null;

    /// <summary>What the heads of terms say, in the current UI culture's language (names, codes and the parties' own words as written).</summary>
    public static async Task<RecordContent?> ContentAsync(AppDbContext db, Actor? actor, long offerId, CancellationToken ct)
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
            (T("Licensor"), Party(licensor)),
            (T("Licensee"), Party(licensee)),
            (T("IP listing"), listing is null ? T("#{0} (listing removed)", listingId) : Listing(listing)),
            (T("Deal"), Words(sheet.Kind.ToString())),
        };
        if (sheet.FieldOfUse is { } field) facts.Add((T("Field of use"), field));
        if (sheet.Territory.Count > 0) facts.Add((T("Territory"), string.Join(", ", sheet.Territory)));
        if (sheet.TermYears is { } years) facts.Add((T("Term"), T("{0} years from signature", years)));
        if (sheet.Kind != DealKind.Sale) facts.Add((T("Sublicensing"), T(sheet.SublicensingAllowed ? "Allowed" : "Not allowed")));
        if (sheet.Improvements is { } owner) facts.Add((T("Improvements belong to"), Words(owner.ToString())));
        if (sheet.RoyaltyPercent is { } royalty) facts.Add((T("Royalty"), T("{0} % of net sales", royalty.ToString("0.##", Invariant))));
        if (sheet.LumpSum is { } sum) facts.Add((T("Lump sum"), Money(sum, sheet.Currency)));
        foreach (var m in sheet.Milestones) facts.Add((T("Milestone"), $"{m.Label}: {Money(m.Amount, m.Currency)}"));
        if (agreement.Terms.Notes is { } notes) facts.Add((T("Notes"), notes));
        facts.Add((T("NDA"), nda is null
            ? T("No NDA covers this listing between the parties.")
            : T("NDA record #{0}, accepted {1} UTC by {2}, template {3} version {4}, SHA-256 of its text {5}",
                nda.Id, $"{nda.AcceptedAt.UtcDateTime:yyyy-MM-dd HH:mm}", nda.AcceptedByName, nda.TemplateRef, nda.TemplateVersion, nda.TextSha256)));

        var trail = new List<string> { T("Acceptance trail (UTC):") };
        trail.AddRange(agreement.Chain.Select(o =>
            T("Offer #{0} proposed {1} by organisation #{2}: {3}", o.Id, $"{o.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}", o.ProposedByOrganizationId, T(o.State))
            + (o.DecidedAt is { } at ? $" {at.UtcDateTime:yyyy-MM-dd HH:mm:ss}" : "")));
        trail.Add(T("Proposed by {0} ({1}); accepted by {2} ({3}) at {4} UTC.",
            agreement.ProposedBy, agreement.Proposer.Name, agreement.AcceptedBy, agreement.Acceptor.Name, $"{agreement.AcceptedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}"));
        trail.Add("");
        trail.Add(T("These heads of terms record what the parties agreed in principle. They are not a licence agreement: the licence is granted only by a signed agreement on these terms."));

        return new RecordContent(T("Licence heads of terms, offer #{0}", agreement.Terms.Id), facts, string.Join("\n", trail),
            T("GvcMatch heads of terms · conversation #{0} · offer #{1}", agreement.ConversationId, agreement.Terms.Id));
    }

    /// <summary>A text of the resource set in the reader's language, filled in; numbers and dates stay invariant.</summary>
    private static string T(string english, params object?[] args) =>
        MessageTexts.Format(english, [.. args.Select(a => a is IFormattable f ? f.ToString(null, Invariant) : a)]);

    private static string Party(AgreementParty p) => p.City is null ? $"{p.Name} ({p.Country})" : $"{p.Name} ({p.City}, {p.Country})";

    private static string Listing(IpListing i)
    {
        var number = i.GrantNumber ?? i.ApplicationNumber;
        return $"#{i.Id} {i.Title} ({(i.Kind == IpKind.KnowHow ? T("Know-how") : Words(i.Kind.ToString()))}{(number is null ? "" : ", " + number)})";
    }

    private static string Money(decimal amount, string? currency) => $"{currency} {amount.ToString("#,0.00", Invariant)}".Trim();

    /// <summary>"ExclusiveLicence" → "Exclusive licence", the label the term-sheet cards use, in the reader's language.</summary>
    private static string Words(string name) =>
        T(string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString())));
}
