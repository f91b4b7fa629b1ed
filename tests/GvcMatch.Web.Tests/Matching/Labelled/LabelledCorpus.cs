using System.Text.Json;
using GvcMatch.Web.Features.Import;
using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Tests.Matching.Labelled;

/// <summary>
/// The labelled quality set: two files per sector in <c>Matching/Labelled</c>. <c>&lt;sector&gt;.json</c>
/// is an ordinary seeds file (buyers, suppliers with published profiles, published requirements),
/// read by the product's own reader so the importer loads exactly what a data editor wrote;
/// <c>&lt;sector&gt;.labels.json</c> holds the judgments.
/// </summary>
public sealed class LabelledCorpus(IReadOnlyList<LabelledFile> files)
{
    public const string LabelsSuffix = ".labels.json";

    /// <summary>Grades at or above this are "relevant" (P@5, recall, the three-relevant minimum).</summary>
    public const int Relevant = 2;

    private static readonly JsonSerializerOptions LabelsJson = new(SeedFileReader.Options);

    public IReadOnlyList<LabelledFile> Files { get; } = files;

    /// <summary>Where the files are copied next to the test binaries.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Matching", "Labelled");

    /// <summary>
    /// Reads the files afresh. The importer moves a file's dates in place, so each import gets
    /// objects of its own rather than sharing them between fixtures that run in parallel.
    /// </summary>
    public static LabelledCorpus Load()
    {
        var paths = Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToList() : [];
        var seeds = paths.Where(p => !p.EndsWith(LabelsSuffix, StringComparison.Ordinal));
        return new LabelledCorpus(seeds.Select(ReadFile).ToList());
    }

    /// <summary>A seeds file and the labels beside it (empty labels when there is no such file: the integrity test says so).</summary>
    public static LabelledFile ReadFile(string seedsPath)
    {
        var labelsPath = Path.ChangeExtension(seedsPath, null) + LabelsSuffix;
        var labels = File.Exists(labelsPath)
            ? JsonSerializer.Deserialize<LabelsFile>(File.ReadAllBytes(labelsPath), LabelsJson) ?? new LabelsFile()
            : null;
        return new LabelledFile(Path.GetFileName(seedsPath), SeedImporter.ReadFile(seedsPath), labels ?? new LabelsFile(), labels is not null);
    }

    public IEnumerable<SeedRow<OrganizationRow>> Suppliers =>
        Files.SelectMany(f => f.Seeds.Organizations).Where(o => o.Value.Kind == OrganizationKind.Sme);

    /// <summary>Every judged requirement with its criteria, in file order.</summary>
    public IReadOnlyList<LabelledCase> Cases { get; } = files
        .SelectMany(f => f.Labels.Requirements.Select(j => (File: f, Key: j.Key, Judgment: j.Value)))
        .Select(x => new LabelledCase(x.Key, x.File.Name,
            x.File.Seeds.Requirements.Select(r => r.Value).FirstOrDefault(r => r.Key == x.Key),
            x.Judgment.Grades, x.Judgment.FailMandatory.ToHashSet(StringComparer.Ordinal)))
        .ToList();

    /// <summary>Each supplier's traits, from whichever file states them.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Traits { get; } = files
        .SelectMany(f => f.Labels.Traits)
        .GroupBy(t => t.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.SelectMany(t => t.Value).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    public bool Has(string supplier, string trait) => Traits.TryGetValue(supplier, out var traits) && traits.Contains(trait);
}

/// <summary>One sector: its seeds file and its labels.</summary>
public sealed record LabelledFile(string Name, SeedFile Seeds, LabelsFile Labels, bool HasLabelsFile)
{
    /// <summary>All keys of a file share one prefix (<c>mach</c> in <c>mach-req-03</c>): the text before the first hyphen.</summary>
    public static string PrefixOf(string key) => key.Split('-', 2)[0];
}

/// <summary>A requirement as judged: its row (null when the key names no requirement of its file), grades 0–3, and who fails a mandatory criterion.</summary>
public sealed record LabelledCase(string Key, string File, RequirementRow? Requirement, IReadOnlyDictionary<string, int> Grades, IReadOnlySet<string> FailMandatory)
{
    /// <summary>Suppliers nobody graded count as irrelevant.</summary>
    public int Grade(string supplier) => Grades.GetValueOrDefault(supplier);
}
