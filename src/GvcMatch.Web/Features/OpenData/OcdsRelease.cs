using System.Globalization;
using System.Text.Json;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Features.OpenData;

/// <summary>
/// Writes one requirement as an OCDS 1.1 release: its current state, so the release id changes when
/// the requirement's version, status or number of awards does. Parties are organisations only (id,
/// name, roles, and a supplier's scale); no person, email or phone is ever written.
/// </summary>
public sealed class OcdsRelease(string ocidPrefix)
{
    public string Ocid(int requirementId) => $"{ocidPrefix}-{requirementId.ToString(CultureInfo.InvariantCulture)}";

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset DateOf(OcdsRequirement x) =>
        x.Awards.Select(a => a.AwardedAt).Append(x.Requirement.UpdatedAt).Append(x.Requirement.PublishedAt ?? x.Requirement.CreatedAt).Max();

    public static string[] Tags(OcdsRequirement x) =>
        x.Requirement.Status == RequirementStatus.Cancelled ? ["tenderCancellation"]
        : x.Awards.Count > 0 ? ["tender", "award"]
        : ["tender"];

    public string Id(OcdsRequirement x) => string.Create(CultureInfo.InvariantCulture,
        $"{Ocid(x.Requirement.Id)}-v{x.Requirement.Version}-{x.Requirement.Status.ToString().ToLowerInvariant()}-a{x.Awards.Count}");

    /// <param name="compiled">The record's compiled release: tag "compiled" and its own id.</param>
    public void Write(Utf8JsonWriter w, OcdsRequirement x, bool compiled = false)
    {
        var r = x.Requirement;
        w.WriteStartObject();
        w.WriteString("ocid", Ocid(r.Id));
        w.WriteString("id", compiled ? Id(x) + "-compiled" : Id(x));
        w.WriteString("date", Date(DateOf(x)));
        w.WriteStartArray("tag");
        foreach (var tag in compiled ? ["compiled"] : Tags(x)) w.WriteStringValue(tag);
        w.WriteEndArray();
        w.WriteString("initiationType", "tender");
        WriteParties(w, x);
        w.WriteStartObject("buyer");
        WriteReference(w, r.OrganizationId, x.BuyerName);
        w.WriteEndObject();
        WriteTender(w, x);
        if (x.Awards.Count > 0) WriteAwards(w, x);
        w.WriteEndObject();
    }

    public static string PartyId(int organizationId) => "GVCM-ORG-" + organizationId.ToString(CultureInfo.InvariantCulture);

    private static void WriteReference(Utf8JsonWriter w, int organizationId, string name)
    {
        w.WriteString("id", PartyId(organizationId));
        w.WriteString("name", name);
    }

    private static void WriteParties(Utf8JsonWriter w, OcdsRequirement x)
    {
        w.WriteStartArray("parties");
        w.WriteStartObject();
        WriteReference(w, x.Requirement.OrganizationId, x.BuyerName);
        w.WriteStartArray("roles");
        w.WriteStringValue("buyer");
        w.WriteStringValue("procuringEntity");
        w.WriteEndArray();
        w.WriteEndObject();
        foreach (var supplier in x.Awards.DistinctBy(a => a.SupplierId))
        {
            w.WriteStartObject();
            WriteReference(w, supplier.SupplierId, supplier.SupplierName);
            w.WriteStartArray("roles");
            w.WriteStringValue("supplier");
            w.WriteEndArray();
            w.WriteStartObject("details");
            w.WriteString("scale", supplier.SupplierIsSme ? "sme" : "large");
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private void WriteTender(Utf8JsonWriter w, OcdsRequirement x)
    {
        var r = x.Requirement;
        w.WriteStartObject("tender");
        w.WriteString("id", Ocid(r.Id) + "-tender");
        w.WriteString("title", r.Title);
        if (!string.IsNullOrWhiteSpace(r.Description)) w.WriteString("description", r.Description);
        w.WriteString("status", r.Status switch
        {
            RequirementStatus.Cancelled => "cancelled",
            RequirementStatus.Awarded => "complete",
            _ => "active",
        });
        w.WriteStartObject("procuringEntity");
        WriteReference(w, r.OrganizationId, x.BuyerName);
        w.WriteEndObject();
        WriteItems(w, r);
        if (r.BidsCloseAt is { } closes)
        {
            w.WriteStartObject("tenderPeriod");
            if (r.PublishedAt is { } opened) w.WriteString("startDate", Date(opened));
            w.WriteString("endDate", Date(closes));
            w.WriteEndObject();
        }
        OcdsCriteria.Write(w, r.Criteria);
        w.WriteEndObject();
    }

    /// <summary>One item per lot, or one for the whole requirement; the first ISIC (else HS) code classifies it, the rest are additional.</summary>
    private static void WriteItems(Utf8JsonWriter w, Requirement r)
    {
        var codes = r.IsicCodes.Select(c => ("ISIC", c)).Concat(r.HsCodes.Select(c => ("HS", c))).ToList();
        w.WriteStartArray("items");
        if (r.Lots.Count == 0) WriteItem(w, "1", r.Title, codes, r.Quantity, r.QuantityUnit);
        foreach (var lot in r.Lots.OrderBy(l => l.Number))
            WriteItem(w, lot.Number.ToString(CultureInfo.InvariantCulture), lot.Title, codes, lot.Quantity, lot.QuantityUnit);
        w.WriteEndArray();
    }

    private static void WriteItem(Utf8JsonWriter w, string id, string description, List<(string Scheme, string Code)> codes, decimal? quantity, string? unit)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("description", description);
        if (codes.Count > 0)
        {
            w.WritePropertyName("classification");
            WriteClassification(w, codes[0]);
            if (codes.Count > 1)
            {
                w.WriteStartArray("additionalClassifications");
                foreach (var code in codes.Skip(1)) WriteClassification(w, code);
                w.WriteEndArray();
            }
        }
        if (quantity is { } q) w.WriteNumber("quantity", q);
        if (!string.IsNullOrWhiteSpace(unit))
        {
            w.WriteStartObject("unit");
            w.WriteString("name", unit);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteClassification(Utf8JsonWriter w, (string Scheme, string Code) code)
    {
        w.WriteStartObject();
        w.WriteString("scheme", code.Scheme);
        w.WriteString("id", code.Code);
        w.WriteEndObject();
    }

    private void WriteAwards(Utf8JsonWriter w, OcdsRequirement x)
    {
        w.WriteStartArray("awards");
        foreach (var a in x.Awards)
        {
            w.WriteStartObject();
            w.WriteString("id", Ocid(x.Requirement.Id) + "-award-" + a.LotNumber.ToString(CultureInfo.InvariantCulture));
            var lot = x.Requirement.Lots.FirstOrDefault(l => l.Number == a.LotNumber);
            if (lot is not null) w.WriteString("title", lot.Title);
            w.WriteString("status", "active");
            w.WriteString("date", Date(a.AwardedAt));
            if (a.Amount is { } amount)
            {
                w.WriteStartObject("value");
                w.WriteNumber("amount", amount);
                w.WriteString("currency", a.Currency);
                w.WriteEndObject();
            }
            w.WriteStartArray("suppliers");
            w.WriteStartObject();
            WriteReference(w, a.SupplierId, a.SupplierName);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
