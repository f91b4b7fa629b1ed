using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Requirements;

/// <summary>
/// The rules for a requirement's lots: numbered 1..n without gaps or repeats, each with a title,
/// at most <see cref="Max"/>. Once a bid has been submitted the lots are frozen, since bids name
/// lots by number and a renumbered lot would silently change what a bid covers.
/// </summary>
public static class RequirementLots
{
    public const int Max = 20;
    public const int Title = 200;
    public const int Description = 2000;

    public static void Validate(Errors errors, IReadOnlyList<RequirementLot> lots, string field = "lots")
    {
        if (lots.Count > Max) errors.Add(field, $"At most {Max} lots.");
        var seen = new HashSet<int>();
        for (var i = 0; i < lots.Count; i++)
        {
            var lot = lots[i];
            var at = $"{field}[{i}]";
            if (lot.Number < 1 || lot.Number > lots.Count) errors.Add(at + ".number", $"Lots are numbered 1 to {lots.Count}; got {lot.Number}.");
            else if (!seen.Add(lot.Number)) errors.Add(at + ".number", $"Lot {lot.Number} is given twice.");
            errors.Required(at + ".title", lot.Title, Title);
            errors.MaxLength(at + ".description", lot.Description, Description);
            if (lot.Quantity is <= 0) errors.Add(at + ".quantity", "Quantity must be positive.");
            if (lot.Quantity is not null && string.IsNullOrWhiteSpace(lot.QuantityUnit)) errors.Add(at + ".quantityUnit", "Give the unit of the quantity.");
            errors.MaxLength(at + ".quantityUnit", lot.QuantityUnit, 20);
        }
    }

    public static List<RequirementLot> Clean(IEnumerable<RequirementLot> lots) => lots.OrderBy(l => l.Number).Select(l => l with
    {
        Title = l.Title.Trim(),
        Description = string.IsNullOrWhiteSpace(l.Description) ? null : l.Description.Trim(),
        QuantityUnit = string.IsNullOrWhiteSpace(l.QuantityUnit) ? null : l.QuantityUnit.Trim(),
    }).ToList();

    /// <summary>Records compare lists by reference, so lots are compared field by field.</summary>
    public static bool Same(IReadOnlyList<RequirementLot> a, IReadOnlyList<RequirementLot> b) =>
        a.Count == b.Count && a.OrderBy(l => l.Number).Zip(b.OrderBy(l => l.Number)).All(p => p.First == p.Second);

    /// <summary>Null when the lots may change; otherwise why not.</summary>
    public static async Task<string?> FrozenAsync(AppDbContext db, Requirement requirement, IReadOnlyList<RequirementLot> newLots, CancellationToken ct)
    {
        if (Same(requirement.Lots, Clean(newLots))) return null;
        var submitted = await db.Bids.AnyAsync(b => b.RequirementId == requirement.Id && b.SubmittedAt != null, ct);
        return submitted ? "The lots are frozen: a bid has already been submitted for this requirement, and bids name lots by number." : null;
    }
}
