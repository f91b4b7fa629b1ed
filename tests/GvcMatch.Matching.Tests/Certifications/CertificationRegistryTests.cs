using System.Text.RegularExpressions;
using GvcMatch.Matching.Certifications;

namespace GvcMatch.Matching.Tests.Certifications;

/// <summary>The registry the product ships (seeds/reference/certifications): size, unique names, families, and that every certificate in the seeds resolves.</summary>
public sealed partial class CertificationRegistryTests
{
    private static readonly CertificationRegistry Registry = CertificationRegistry.Default;

    private static string SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(Path.Combine(candidate, "reference", "certifications"))) return candidate;
        }
        throw new DirectoryNotFoundException("seeds/reference/certifications not found above the test folder.");
    }

    [Fact]
    public void TheShippedRegistryCoversAtLeast120StandardsInEveryFamily()
    {
        Assert.True(Registry.Standards.Count >= 120, $"only {Registry.Standards.Count} standards");
        Assert.Equal(["environment", "food", "information-security", "products", "quality", "sector", "social"], Registry.Families.Order());
        Assert.All(Registry.Families, f => Assert.True(Registry.Standards.Count(s => s.Family == f) >= 10, f));
    }

    [Fact]
    public void TheEmbeddedRegistryIsTheSeedsFolder()
    {
        var folder = CertificationRegistry.LoadFolder(Path.Combine(SeedsFolder(), "reference", "certifications"));
        Assert.Equal(folder.Standards.Select(s => s.Code), Registry.Standards.Select(s => s.Code));
    }

    [Fact]
    public void NoTwoStandardsShareACodeAliasOrVersionSpelling()
    {
        var owner = new Dictionary<string, string>();
        foreach (var s in Registry.Standards)
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Name), s.Code);
            foreach (var name in new[] { s.Code }.Concat(s.Aliases).Distinct())
            {
                var key = CertificationRegistry.Key(name);
                Assert.True(!owner.TryGetValue(key, out var other) || other == s.Code, $"'{name}' of {s.Code} is also {other}");
                owner[key] = s.Code;
            }
        }
        // Every name and version spelling resolves back to its own standard.
        foreach (var s in Registry.Standards)
        foreach (var name in new[] { s.Code }.Concat(s.Aliases))
        {
            Assert.Equal(s.Code, Registry.Resolve(name)?.Standard.Code);
            foreach (var v in s.Versions) Assert.Equal(s.Code, Registry.Resolve($"{name}:{v}")?.Standard.Code);
        }
    }

    [Fact]
    public void ScopesAreWellFormedAndTheirValuesUnique()
    {
        foreach (var s in Registry.Standards.Where(s => s.Scopes is not null))
        {
            var set = s.Scopes!;
            Assert.Contains(set.Kind, new[] { "list", "scale" });
            Assert.True(set.Values.Count >= 2, s.Code);
            var keys = set.Values.SelectMany(v => new[] { v.Code }.Concat(v.Aliases).Concat(v.Name is null ? [] : [v.Name]).Select(CertificationRegistry.Key).Distinct()).ToList();
            Assert.True(keys.Count == keys.Distinct().Count(), $"{s.Code} has a scope spelling shared by two values");
            foreach (var v in set.Values) Assert.Equal(v.Code, CertificationRegistry.FindScope(s, v.Code)?.Code);
        }
    }

    [Theory]
    [InlineData("ISO 9001:2015", "ISO 9001", null)]
    [InlineData("ISO9001", "ISO 9001", null)]
    [InlineData("iso 9001-2008", "ISO 9001", null)]
    [InlineData("AS9100D", "AS9100", null)]
    [InlineData("ISO 27001", "ISO/IEC 27001", null)]
    [InlineData("ISO/IEC 27001:2022", "ISO/IEC 27001", null)]
    [InlineData("BRC Packaging", "BRCGS Packaging Materials", null)]
    [InlineData("FSC CoC", "FSC", "chain-of-custody")]
    [InlineData("PEFC Chain of Custody", "PEFC", "chain-of-custody")]
    [InlineData("USDA Organic", "Organic", "usda-nop")]
    [InlineData("EU organic", "Organic", "eu-2018-848")]
    [InlineData("NADCAP NDT", "NADCAP", "non-destructive-testing")]
    [InlineData("ISO 14644 class 7", "ISO 14644", "7")]
    [InlineData("ISO 14644-1", "ISO 14644", null)]
    [InlineData("Sedex SMETA 4-pillar", "SMETA", "4-pillar")]
    [InlineData("UTZ", "Rainforest Alliance", null)]
    [InlineData("OEKO-TEX Standard 100", "OEKO-TEX 100", null)]
    public void TypedNamesResolveToTheCanonicalStandard(string typed, string code, string? scope)
    {
        var resolved = Registry.Resolve(typed);
        Assert.NotNull(resolved);
        Assert.Equal(code, resolved.Standard.Code);
        Assert.Equal(scope, resolved.Scope);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("CoC")]
    [InlineData("Acme Quality Seal")]
    public void ScopesAloneAndMadeUpNamesResolveToNothing(string typed) => Assert.Null(Registry.Resolve(typed));

    [Fact]
    public void EveryCertificateInTheSeedsAndDemoDataResolves()
    {
        var seeds = SeedsFolder();
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(seeds, "demo"), "*.json"))
            found.AddRange(StandardValue().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value));
        // The 32 codes of the closed list the product shipped before the registry: stored data uses them.
        found.AddRange(LegacyCodes);
        Assert.NotEmpty(found);
        Assert.All(found.Distinct(), name => Assert.Equal(name, Registry.Resolve(name)?.Standard.Code));
    }

    private static readonly string[] LegacyCodes =
    [
        "ISO 9001", "ISO 14001", "ISO 45001", "ISO 50001", "ISO/IEC 27001", "IATF 16949", "ISO 26262", "ISO 13485", "AS9100", "EN 9100",
        "NADCAP", "ISO 22000", "FSSC 22000", "HACCP", "BRCGS Food Safety", "IFS Food", "GLOBALG.A.P.", "Halal", "GMP", "CE marking", "UL",
        "RoHS", "REACH", "ISO/IEC 17025", "IPC-A-610", "ISO 3834", "ISO 14644", "SA8000", "FSC", "GOTS", "OEKO-TEX 100", "GRS",
    ];

    [GeneratedRegex("\"standard\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex StandardValue();
}
