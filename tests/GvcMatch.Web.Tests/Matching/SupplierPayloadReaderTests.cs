using System.Collections;
using System.Text;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Understanding;
using GvcMatch.Search;
using GvcMatch.Web.Features.Search;

namespace GvcMatch.Web.Tests.Matching;

/// <summary>
/// Matching reads candidate payloads with a one-pass reader; it must give exactly the facts the
/// generated serializer gives, and hand anything it does not know to that serializer.
/// </summary>
public class SupplierPayloadReaderTests
{
    /// <summary>Every property set to something other than its default, so a property the reader skipped would show.</summary>
    private static readonly SupplierFacts Full = new()
    {
        OrganizationId = 42, Name = "Kōbō Precision 株式会社", Country = "JP", SizeBand = "Medium", EmployeeCount = 120, Verified = true,
        Summary = "精密板金加工と粉体塗装 \"quoted\" & <tagged>", Capabilities = ["CNC milling", "板金加工"], Materials = ["aluminium"],
        Equipment = ["Amada press brake"],
        Certifications = [new("ISO 9001", new DateOnly(2027, 2, 28), true, "Member GmbH") { Scope = "class-7", ValidFrom = new DateOnly(2024, 3, 1), Evidence = GvcMatch.Matching.Certifications.EvidenceLevel.DocumentChecked }, new("ISO 14001", null)],
        MonthlyCapacity = 12_500.75m, CapacityUnit = "pieces", CapacityPeriod = CapacityPeriod.Year, LeadTimeDays = 21, ExportMarkets = ["DE", "US"], IsicCodes = ["2592"],
        Description = "A description", Concepts = [new("cnc-milling", "CNC milling", "capability", true), new("sheet-metal", "板金加工", "capability", false, true, Sold: true)],
        TagWords = " cnc mill | 板金加工 | ", ContextWords = " precis sheet | ", TagBacking = 0.5, ReadWith = "2026-12-01", Intermediary = true,
        Disclosures = [new(GvcMatch.Matching.Disclosures.DisclosureTopic.Energy, 2025, GvcMatch.Matching.Certifications.EvidenceLevel.DocumentChecked, true, 62.5m),
            new(GvcMatch.Matching.Disclosures.DisclosureTopic.LabourPolicy, 2024, GvcMatch.Matching.Certifications.EvidenceLevel.SelfDeclared)],
    };

    [Fact]
    public void ReadsEveryPropertyAsTheSerializerDoes()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Full, SupplierDocuments.PayloadJson);
        var expected = JsonSerializer.Deserialize<SupplierFacts>(json, SupplierDocuments.PayloadJson)!;

        var read = SupplierPayloadReader.TryRead(json);

        Assert.NotNull(read);
        var defaults = new SupplierFacts { OrganizationId = 0, Name = "", Country = "" };
        foreach (var property in typeof(SupplierFacts).GetProperties())
        {
            Assert.False(Same(property.GetValue(Full), property.GetValue(defaults)), $"{property.Name} has its default value in the sample");
            Assert.True(Same(property.GetValue(expected), property.GetValue(read)), $"{property.Name} differs");
        }
    }

    [Theory]
    [InlineData("\"readWith\":\"2026-12-01\"", "\"other\":1")]                         // a property left out, another added
    [InlineData("\"tagBacking\":0.5", "\"tagBacking\":0.5,\"addedLater\":[1]")]      // a property this reader does not know
    [InlineData("\"organizationId\":42", "\"OrganizationId\":42")]                      // another spelling of a name
    [InlineData("\"organizationId\":42", "\"organizationId\":\"42\"")]                 // a number written as text
    [InlineData("\"validUntil\":\"2027-02-28\"", "\"validUntil\":\"2027-02-28T00:00:00\"")] // a date in another form
    public void AnotherShapeIsLeftToTheSerializer(string part, string replacement)
    {
        var complete = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(Full, SupplierDocuments.PayloadJson));
        Assert.Contains(part, complete);
        var utf8 = Encoding.UTF8.GetBytes(complete.Replace(part, replacement));

        Assert.Null(SupplierPayloadReader.TryRead(utf8));

        // FactsOf still reads what the generated serializer reads.
        var hit = new SearchHit(DocumentKind.Supplier, 42, 1, "N", utf8, []);
        var viaSerializer = TryDeserialize(utf8);
        if (viaSerializer is null) Assert.ThrowsAny<JsonException>(() => SupplierDocuments.FactsOf(hit));
        else Assert.Equal(viaSerializer.OrganizationId, SupplierDocuments.FactsOf(hit)!.OrganizationId);
    }

    [Fact]
    public void SharedStringsComeFromThePool()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Full, SupplierDocuments.PayloadJson);
        var (a, b) = (SupplierPayloadReader.TryRead(json)!, SupplierPayloadReader.TryRead(json)!);

        Assert.Same(a.Concepts[0].Id, b.Concepts[0].Id);
        Assert.Same(a.Capabilities[1], b.Capabilities[1]);
        Assert.NotSame(a.Summary, b.Summary);
    }

    [Fact]
    public void TheSameTaggedConceptIsOneSharedInstance()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Full, SupplierDocuments.PayloadJson);
        var other = JsonSerializer.SerializeToUtf8Bytes(Full with { OrganizationId = 43, Concepts = [Full.Concepts[0], Full.Concepts[1] with { Stuffed = false }] }, SupplierDocuments.PayloadJson);
        var (a, b) = (SupplierPayloadReader.TryRead(json)!, SupplierPayloadReader.TryRead(other)!);

        Assert.Same(a.Concepts[0], b.Concepts[0]);
        // A tag that differs in any flag is a concept of its own.
        Assert.NotSame(a.Concepts[1], b.Concepts[1]);
        Assert.Equal(Full.Concepts, a.Concepts);
        Assert.Equal([Full.Concepts[0], Full.Concepts[1] with { Stuffed = false }], b.Concepts);
    }

    /// <summary>Lists compare by their items (records compare lists by reference).</summary>
    private static bool Same(object? a, object? b) =>
        a is IEnumerable x and not string ? b is IEnumerable y && x.Cast<object>().SequenceEqual(y.Cast<object>()) : Equals(a, b);

    private static SupplierFacts? TryDeserialize(byte[] utf8)
    {
        try
        {
            return JsonSerializer.Deserialize<SupplierFacts>(utf8, SupplierDocuments.PayloadJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
