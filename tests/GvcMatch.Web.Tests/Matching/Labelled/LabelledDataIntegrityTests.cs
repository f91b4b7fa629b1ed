using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Tests.Matching.Labelled;

/// <summary>
/// Checks the labelled files themselves, without a database, so a slip in the data (a misspelt
/// key, a requirement with too few judgments) fails fast and names the file, whatever the matcher does.
/// </summary>
public sealed class LabelledDataIntegrityTests
{
    /// <summary>Fewer judgments than this and nDCG@10 says little about a requirement.</summary>
    private const int MinimumGrades = 10;

    /// <summary>Fewer relevant suppliers than this and P@5 and the ideal ranking are degenerate.</summary>
    private const int MinimumRelevant = 3;

    private readonly LabelledCorpus _corpus = LabelledCorpus.Load();

    [Fact]
    public void EveryFileReadsAsASeedsFileWithItsLabels()
    {
        Assert.NotEmpty(_corpus.Files);
        foreach (var file in _corpus.Files)
        {
            Assert.True(file.Seeds.FileError is null, $"{file.Name}: {file.Seeds.FileError}");
            Assert.True(file.Seeds.Errors.Count == 0, string.Join(Environment.NewLine, file.Seeds.Errors));
            Assert.True(file.HasLabelsFile, $"{file.Name} has no {Path.ChangeExtension(file.Name, null)}{LabelledCorpus.LabelsSuffix} beside it.");
            Assert.True(file.Labels.Requirements.Count > 0, $"{file.Name}: its labels judge no requirement.");
            Assert.True(file.Seeds.DatesRelativeTo is not null, $"{file.Name} needs 'datesRelativeTo', or its certificates expire and deadlines pass as time goes by.");
        }
        var orphans = Directory.GetFiles(LabelledCorpus.Folder, "*" + LabelledCorpus.LabelsSuffix).Select(Path.GetFileName)
            .Where(l => !_corpus.Files.Any(f => Path.ChangeExtension(f.Name, null) + LabelledCorpus.LabelsSuffix == l));
        Assert.Empty(orphans);
    }

    [Fact]
    public void KeysAreUniqueAcrossFilesAndEachFileHasAPrefixOfItsOwn()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in _corpus.Files)
        {
            var keys = file.Seeds.Organizations.Select(o => o.Value.Key ?? "").Concat(file.Seeds.Requirements.Select(r => r.Value.Key ?? "")).ToList();
            foreach (var key in keys) Assert.True(seen.TryAdd(key, file.Name), $"'{key}' is in {file.Name} and in {seen.GetValueOrDefault(key)}.");
            var own = keys.Select(LabelledFile.PrefixOf).Distinct().ToList();
            Assert.True(own.Count == 1, $"{file.Name}: keys start with {string.Join(", ", own)}; one prefix per file.");
            Assert.True(prefixes.TryAdd(own[0], file.Name), $"{file.Name} and {prefixes.GetValueOrDefault(own[0])} share the prefix '{own[0]}'.");
        }
    }

    [Fact]
    public void EveryGradedKeyExistsAndEveryRequirementIsPublished()
    {
        var suppliers = _corpus.Suppliers.Select(s => s.Value.Key!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(_corpus.Cases.Count, _corpus.Cases.Select(c => c.Key).Distinct().Count());
        foreach (var c in _corpus.Cases)
        {
            Assert.True(c.Requirement is not null, $"{c.File}: judged requirement '{c.Key}' is not among the file's requirements.");
            Assert.Equal(RequirementStatus.Published, c.Requirement.Status);
            Assert.All(c.Grades.Keys.Concat(c.FailMandatory), k => Assert.True(suppliers.Contains(k), $"{c.File}, {c.Key}: no supplier '{k}'."));
            Assert.All(c.Grades, g => Assert.InRange(g.Value, 0, 3));
            // Listing every failing supplier (graded or not) makes the violation count cover them all; none may be graded above 0.
            Assert.All(c.FailMandatory, k => Assert.True(c.Grade(k) == 0, $"{c.Key}: {k} fails a mandatory criterion, so it is graded 0."));
        }
        var judged = _corpus.Cases.Select(c => c.Key).ToHashSet();
        Assert.All(_corpus.Files.SelectMany(f => f.Seeds.Requirements), r => Assert.True(judged.Contains(r.Value.Key!), $"{r.Where}: requirement '{r.Value.Key}' has no judgments."));
        Assert.All(_corpus.Suppliers, s => Assert.True(s.Value.Profile?.Status == PublicationStatus.Published, $"{s.Where}: '{s.Value.Key}' has no published profile."));
    }

    [Fact]
    public void EachRequirementHasEnoughGradesAndRelevantSuppliers()
    {
        foreach (var c in _corpus.Cases)
        {
            Assert.True(c.Grades.Count >= MinimumGrades, $"{c.Key} has {c.Grades.Count} grades; at least {MinimumGrades}.");
            var relevant = c.Grades.Count(g => g.Value >= LabelledCorpus.Relevant);
            Assert.True(relevant >= MinimumRelevant, $"{c.Key} has {relevant} suppliers graded 2 or 3; at least {MinimumRelevant}.");
            // Recall@10 cannot reach 1 when more than ten are relevant.
            Assert.True(relevant <= QualityMetrics.K, $"{c.Key} has {relevant} relevant suppliers; at most {QualityMetrics.K}.");
        }
    }

    [Fact]
    public void EveryTraitIsOneOfTheFiveAndBelongsToAKnownSupplier()
    {
        var suppliers = _corpus.Suppliers.Select(s => s.Value.Key!).ToHashSet(StringComparer.Ordinal);
        foreach (var (supplier, traits) in _corpus.Files.SelectMany(f => f.Labels.Traits))
        {
            Assert.True(suppliers.Contains(supplier), $"Traits for an unknown supplier '{supplier}'.");
            Assert.NotEmpty(traits);
            Assert.All(traits, t => Assert.True(SupplierTraits.All.Contains(t), $"{supplier}: unknown trait '{t}'; one of {string.Join(", ", SupplierTraits.All)}."));
        }
    }

    [Fact]
    public void TraitsAgreeWithTheProfilesAndTheJudgments()
    {
        var failing = _corpus.Cases.SelectMany(c => c.FailMandatory).ToHashSet(StringComparer.Ordinal);
        foreach (var file in _corpus.Files)
        {
            var asOf = file.Seeds.DatesRelativeTo ?? DateOnly.MaxValue;
            foreach (var row in file.Seeds.Organizations.Where(o => o.Value.Kind == OrganizationKind.Sme))
            {
                var key = row.Value.Key!;
                if (_corpus.Has(key, SupplierTraits.Expired))
                    Assert.True(row.Value.Profile?.Certifications?.Any(c => c.ValidUntil < asOf) == true, $"{key} is marked expired but holds no lapsed certificate.");
                if (_corpus.Has(key, SupplierTraits.NearMiss))
                    Assert.True(failing.Contains(key), $"{key} is marked near-miss but fails no requirement's mandatory criterion.");
                if (_corpus.Has(key, SupplierTraits.NonEnglish))
                    Assert.True(row.Value.Profile?.Languages?.Any(l => l is "es" or "ja") == true, $"{key} is marked non-english but lists neither es nor ja.");
            }
        }
    }
}
