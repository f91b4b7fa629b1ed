using GvcMatch.Matching.Understanding;

namespace GvcMatch.Matching.Tests.Understanding;

/// <summary>
/// What a company is, read with the shipped vocabulary: distributors, agents, marketplaces and
/// consultancies sell or represent what they list, unless a buyer is looking for one of them; a
/// manufacturer that also distributes stays a manufacturer; and a catalogue of every sector backs nothing.
/// </summary>
public class CompanyRoleTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static CapabilityVocabulary Vocabulary => ShippedVocabularyTests.Shipped;

    private static SupplierFacts Read(string summary, string[] capabilities, string? description = null, string[]? equipment = null, string[]? isic = null) =>
        ProfileReading.Read(new SupplierFacts
        {
            OrganizationId = 1, Name = "S", Country = "MX", Summary = summary, Description = description,
            Capabilities = capabilities, Equipment = equipment ?? [], IsicCodes = isic ?? [],
        }, Vocabulary);

    private static CriterionScore Fit(SupplierFacts s, params string[] keywords) =>
        Scorer.Score([new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 100, Keywords = keywords }], s, Today, new MatchContext(Vocabulary)).Criteria[0];

    [Theory]
    [InlineData("Importers and distributors of bearings, fasteners and cutting tools, with next-day delivery.")]
    [InlineData("Agencia de compras: buscamos proveedores en España para compradores extranjeros.")]
    [InlineData("国内外の協力工場から切削部品を調達し、海外へ輸出する専門商社です。")]
    [InlineData("Online platform where buyers post drawings and partner factories quote.")]
    [InlineData("Quality-system consulting: ISO 9001 implementation and internal audits for metalworking companies.")]
    [InlineData("Sales representation for machine shops and foundries in the Midwest.")]
    public void AnIntermediaryEarnsNoCreditForTheProcessesItSells(string summary)
    {
        var agent = Read(summary, ["CNC turning", "CNC machining", "welding", "laser cutting"]);
        Assert.True(agent.Intermediary);
        var line = Fit(agent, "CNC turning");
        Assert.True(line.Score < Scorer.RelevanceFloor, $"{line.Score}: {line.Evidence}");
        Assert.Contains("sold or represented, not made", line.Evidence);
    }

    [Fact]
    public void ADistributorOfConnectorsIsTheAnswerWhenTheBuyerLooksForADistributor()
    {
        var distributor = Read("Distribuidora autorizada de conectores industriales y componentes electrónicos; almacén propio en Monterrey.",
            ["distribución industrial", "conectores", "componentes electrónicos"]);
        var maker = Read("Sealed connectors moulded and assembled in our own plant.", ["connectors", "injection moulding"], equipment: ["injection moulding machines"]);
        Assert.True(distributor.Intermediary);
        Assert.False(maker.Intermediary);

        var wanted = new[] { "industrial distribution", "connectors", "electronic components" };
        Assert.Equal(1, Fit(distributor, wanted).Score);
        Assert.True(Fit(maker, wanted).Score < Fit(distributor, wanted).Score);
        // The same distributor, when a buyer wants connectors made, sells them: it does not make them.
        Assert.True(Fit(distributor, "connectors").Score < Scorer.RelevanceFloor);
    }

    [Fact]
    public void ADistributorOfOtherGoodsIsNoDistributorOfWhatTheBuyerSells()
    {
        var bearings = Read("Importers and distributors of bearings and fasteners for the maquiladora industry.", ["bearings", "fasteners"]);
        var line = Fit(bearings, "industrial distribution", "connectors");
        Assert.Equal(0, line.Score);
        Assert.Contains("industrial distribution (not of connectors)", line.Evidence);
    }

    [Theory]
    [InlineData("Fabricamos arneses eléctricos en nuestra planta de Querétaro y además somos distribuidor autorizado de conectores.", null)]
    [InlineData("Brass turning shop, and also an authorised distributor of ball valves.", "CNC lathes")]
    [InlineData("自社工場で真鍮部品を旋盤加工しています。販売代理店としてバルブも扱います。", null)]
    public void AManufacturerThatAlsoDistributesStaysAManufacturer(string summary, string? equipment)
    {
        var s = Read(summary, ["CNC turning", "wire harness assembly"], equipment: equipment is null ? [] : [equipment]);
        Assert.False(s.Intermediary);
        Assert.True(Fit(s, "CNC turning").Score >= 0.5);
    }

    [Fact]
    public void CustomersNamedAsDistributorsDoNotMakeTheMillAnIntermediary()
    {
        var mill = Read("Hotel bath towels, bathrobes and bed sheets in 100% cotton.", ["terry weaving", "hotel towels"],
            description: "Integrated terry mill; supplies hotel linen distributors in the Gulf.", equipment: ["Picanol terry looms"]);
        Assert.False(mill.Intermediary);
        Assert.Equal(1, Fit(mill, "terry weaving").Score);
    }

    [Fact]
    public void ARefrigeratedDistributorIsAColdChainOperatorNotATrader()
    {
        var s = Read("Almacenamos y distribuimos productos congelados en Madrid con camiones multitemperatura.",
            ["distribución de productos congelados", "almacenamiento en frío"], description: "Distribuidor frigorífico desde 1988.");
        Assert.False(s.Intermediary);
        Assert.Equal(1, Fit(s, "frozen food distribution", "cold storage").Score);
    }

    [Fact]
    public void ACatalogueOfEverySectorIsNotBackedByOneActivityCode()
    {
        var catchAll = Read("Digital transformation partner for all your needs.",
            ["web portal", "mobile app development", "CNC machining", "injection moulding", "PCB assembly", "powder coating",
             "freight forwarding", "folding cartons", "seat covers", "IQF frozen fruit", "olive oil", "t-shirt manufacturing"], isic: ["6201"]);
        var honest = Read("Custom software for field teams.", ["web portal", "mobile app development"], isic: ["6201"]);
        Assert.True(Fit(catchAll, "mobile app development").Score < Scorer.RelevanceFloor);
        Assert.Equal(1, Fit(honest, "mobile app development").Score);
    }
}
