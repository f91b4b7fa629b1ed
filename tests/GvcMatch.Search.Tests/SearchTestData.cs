using GvcMatch.Search;

namespace GvcMatch.Search.Tests;

/// <summary>
/// A small fixed catalogue shared by every provider's tests: English, Spanish and Japanese text,
/// keywords for filters and facets, numbers with a few gaps, one document with markup in it, and a
/// "gearbox" cluster whose ranking order is decided by structure (title over body, more matches,
/// then entity id), so every provider must return it in the same order.
/// </summary>
public static class SearchTestData
{
    public static IReadOnlyList<SearchDocument> Suppliers { get; } =
    [
        Supplier(1, "Precision CNC machining", "5-axis CNC machining of aluminium and titanium aerospace parts. ISO 9001 certified.", "DE", "2592", ["ISO9001", "AS9100"], 5000, 20),
        Supplier(2, "Aluminium die casting", "High pressure die casting of aluminium housings for automotive customers.", "MX", "2431", ["ISO9001", "IATF16949"], 20000, 35),
        Supplier(3, "Fundición de hierro gris", "Fundición de piezas de hierro gris y nodular para maquinaria agrícola.", "ES", "2431", ["ISO9001"], 8000, 40),
        Supplier(4, "精密切削加工", "アルミニウムとステンレスの精密切削加工。試作から量産まで対応します。", "JP", "2592", ["ISO9001"], 3000, 15),
        Supplier(5, "Machined titanium implants", "Medical grade titanium implants machined to tight tolerances. ISO 13485.", "CH", "3250", ["ISO13485"], 1000, 30),
        Supplier(6, "Plastic injection moulding", "Injection moulding of technical plastics for consumer electronics.", "VN", "2220", ["ISO9001"], 50000, 25),
        Supplier(7, "Sheet metal fabrication", "Laser cutting, bending and welding of steel sheet metal enclosures.", "PL", "2511", ["ISO9001"], 12000, 18),
        Supplier(8, "Printed circuit board assembly", "SMT assembly of printed circuit boards, box build and testing.", "MY", "2610", ["ISO9001", "IATF16949"], 40000, 21),
        Supplier(9, "Textile weaving mill", "Weaving of cotton and linen fabrics for apparel brands.", "IN", "1312", ["OEKO-TEX"], 100000, 45),
        Supplier(10, "Organic coffee exporter", "Washed arabica coffee from smallholder cooperatives, organic and fair trade certified.", "CO", "1079", ["Organic", "FairTrade"], 30000, 60),
        Supplier(11, "Mecanizado CNC de precisión", "Mecanizado de piezas de aluminio y acero inoxidable para la industria aeronáutica.", "ES", "2592", ["ISO9001", "AS9100"], 4000, 25),
        Supplier(12, "Forged steel flanges", "Open die and closed die forging of carbon steel flanges.", "IN", "2591", ["ISO9001"], 15000, 50),
        Supplier(13, "Wire harness assembly", "Custom wire harnesses and cable assemblies for automotive and appliances.", "MX", "2732", ["IATF16949"], 25000, 28),
        Supplier(14, "Leather goods workshop", "Hand made leather bags and small leather goods.", "IT", "1512", [], 2000, 40),
        Supplier(15, "Ceramic tiles", "Porcelain and ceramic floor tiles with digital printing.", "ES", "2392", ["ISO14001"], 60000, 30),
        Supplier(16, "Aerospace fasteners", "Titanium and nickel alloy fasteners for aerospace. AS9100 certified.", "US", "2593", ["AS9100"], 100000, 35),
        Supplier(17, "Frozen seafood processing", "Processing and freezing of shrimp and fish fillets, HACCP and BRC certified.", "EC", "1020", ["HACCP", "BRC"], 80000, 20),
        Supplier(18, "金型設計・製作", "プラスチック射出成形用の金型を設計・製作します。", "JP", "2593", ["ISO9001"], 50, 60),
        Supplier(19, "Solar panel mounting structures", "Galvanised steel mounting structures for solar farms.", "TR", "2511", ["ISO9001"], 30000, 30),
        Supplier(20, "Furniture manufacturer", "Solid wood furniture for hotels and offices.", "VN", "3100", ["FSC"], 5000, 45),
        Supplier(21, "Rubber seals and gaskets", "Moulded rubber seals, O-rings and gaskets for machinery.", "TH", "2219", ["ISO9001"], 200000, 20),
        Supplier(22, "Glass bottles", "Glass containers for beverages and cosmetics.", "MX", "2310", ["ISO9001"], 90000, null),
        Supplier(23, "Precision optics", "Lenses and prisms polished to precision tolerances.", "DE", "2670", ["ISO9001"], 800, 55),
        Supplier(24, "Fundición de aluminio", "Fundición a presión de aluminio para la industria automotriz.", "MX", "2432", ["IATF16949"], 18000, 32),
        Supplier(25, "Machine shop services", "Job shop machining, turning and milling of small batches.", "US", "2592", ["ISO9001"], 600, 10),
        Supplier(26, "Cosmetics contract manufacturing", "Private label creams and lotions, GMP certified.", "KR", "2023", ["GMP"], 70000, 30),
        Supplier(27, "Electric motor winding", "Rewinding and repair of electric motors.", "ZA", "3311", [], null, 12),
        Supplier(28, "Cocoa processing", "Cocoa beans fermented and dried, cocoa butter and powder.", "GH", "1073", ["Organic"], null, null),
        Supplier(29, "Anodising services", "<script>alert('x')</script> We offer anodising of aluminium <b>parts</b> & profiles.", "GB", "2592", ["ISO9001"], 9000, 14),
        Supplier(30, "Stainless steel valves", "Investment casting and machining of stainless steel valve bodies.", "CN", "2813", ["ISO9001", "API6D"], 7000, 42),
        Supplier(31, "Gearbox manufacturing", "Industrial gearbox design and gearbox repair.", "DE", "2814", ["ISO9001"], 400, 70),
        Supplier(32, "Gearbox repair", "Repair of worn gears.", "DE", "3312", [], 300, 7),
        Supplier(33, "Power transmission parts", "Shafts, couplings and a gearbox range.", "IT", "2814", [], 1200, 30),
        Supplier(34, "Drive components", "Shafts, couplings and a gearbox range.", "IT", "2814", [], 1200, 30),
    ];

    /// <summary>Documents of the other kinds, sharing words with suppliers to prove kinds never mix.</summary>
    public static IReadOnlyList<SearchDocument> Others { get; } =
    [
        new() { Kind = DocumentKind.IpListing, EntityId = 1, Title = "Titanium machining process patent", Body = "A cooling method for titanium machining.", Keywords = Keys(("country", "DE"), ("ipcSection", "B")), Numbers = new Dictionary<string, double> { ["readinessLevel"] = 6 } },
        new() { Kind = DocumentKind.Requirement, EntityId = 1, Title = "Titanium brackets wanted", Body = "We buy machined titanium brackets.", Keywords = Keys(("country", "US"), ("status", "Open")), Numbers = new Dictionary<string, double> { ["quantity"] = 500 } },
        new() { Kind = DocumentKind.Requirement, EntityId = 2, Title = "Organic cocoa", Body = "Fermented cocoa beans.", Keywords = Keys(("country", "NL"), ("status", "Open")) },
    ];

    public static IReadOnlyList<IndexChange> AllChanges() =>
        Suppliers.Concat(Others).Select(d => new IndexChange(d.Kind, d.EntityId, d)).ToList();

    public static SearchDocument Supplier(int id, string title, string body, string country, string isic,
        string[] certifications, double? monthlyCapacity, double? leadTimeDays)
    {
        var numbers = new Dictionary<string, double>();
        if (monthlyCapacity is { } capacity) numbers["monthlyCapacity"] = capacity;
        if (leadTimeDays is { } lead) numbers["leadTimeDays"] = lead;
        var keywords = new Dictionary<string, IReadOnlyList<string>>
        {
            ["country"] = [country],
            ["isic"] = [isic],
            ["sizeBand"] = [Band(monthlyCapacity)],
        };
        if (certifications.Length > 0) keywords["certification"] = certifications;
        return new SearchDocument
        {
            Kind = DocumentKind.Supplier, EntityId = id, Title = title, Body = body,
            Keywords = keywords, Numbers = numbers, Payload = $$"""{"id":{{id}}}""",
            UpdatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(id),
        };

        static string Band(double? value) => value switch { null => "unknown", < 5000 => "small", < 50000 => "medium", _ => "large" };
    }

    private static Dictionary<string, IReadOnlyList<string>> Keys(params (string Field, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Field, p => (IReadOnlyList<string>)[p.Value]);

    public static string Country(this SearchDocument d) => d.Keywords["country"][0];

    public static IReadOnlyList<string> Values(this SearchDocument d, string field) =>
        d.Keywords.TryGetValue(field, out var values) ? values : [];
}
