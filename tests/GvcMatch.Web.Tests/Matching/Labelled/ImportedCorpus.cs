using System.Runtime.CompilerServices;
using GvcMatch.Web.Features.Import;
using GvcMatch.Web.Data;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Matching.Labelled;

/// <summary>The labelled set as loaded into one running app: ids by key, and a signed-in buyer for each requirement.</summary>
public sealed class ImportedCorpus(
    LabelledCorpus corpus, IReadOnlyDictionary<string, int> organizations, IReadOnlyDictionary<string, int> requirements,
    IReadOnlyDictionary<string, HttpClient> buyersByRequirement, TimeSpan loadTime)
{
    private static readonly ConditionalWeakTable<GvcMatchApp, Task<ImportedCorpus>> Imported = new();

    private readonly Dictionary<int, string> _keysById = organizations.ToDictionary(o => o.Value, o => o.Key);

    public LabelledCorpus Corpus { get; } = corpus;
    public IReadOnlyDictionary<string, int> Requirements { get; } = requirements;

    /// <summary>Import, sign-ins and indexing together, for the report.</summary>
    public TimeSpan LoadTime { get; } = loadTime;

    public HttpClient BuyerOf(string requirement) => buyersByRequirement[requirement];

    /// <summary>The key of an organisation, or its id in brackets for one the set does not know.</summary>
    public string KeyOf(int organizationId) => _keysById.GetValueOrDefault(organizationId) ?? $"[{organizationId}]";

    /// <summary>The set in this app, imported by the first test that asks; later tests reuse it.</summary>
    public static Task<ImportedCorpus> ForAsync(GvcMatchApp app)
    {
        lock (Imported) return Imported.GetValue(app, ImportAsync);
    }

    /// <summary>
    /// Loads every file through the product's importer (organisations, published profiles,
    /// published requirements) plus one buyer account per buying organisation, signs the buyers
    /// in, and waits until the indexer has caught up. Sign-ups are avoided: each one hashes a
    /// password, and hundreds of them would make the suite slow for no gain.
    /// </summary>
    private static async Task<ImportedCorpus> ImportAsync(GvcMatchApp app)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var corpus = LabelledCorpus.Load();
        if (corpus.Cases.Count == 0) throw new InvalidOperationException($"No labelled files in {LabelledCorpus.Folder}.");
        var buyers = BuyerAccounts(corpus);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<SeedImporter>();
            var report = await importer.ImportAsync([.. corpus.Files.Select(f => f.Seeds), buyers]);
            if (!report.Succeeded)
                throw new InvalidOperationException("The labelled files did not import cleanly:" + Environment.NewLine
                    + string.Join(Environment.NewLine, report.FileErrors.Concat(report.Errors)));
        }

        var organizations = await app.WithDbAsync(db => db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Key, o => o.Id));
        var requirements = await app.WithDbAsync(db => db.Requirements.AsNoTracking().ToDictionaryAsync(r => r.Key, r => r.Id));
        var owners = corpus.Files.SelectMany(f => f.Seeds.Requirements).ToDictionary(r => r.Value.Key!, r => r.Value.Organization!);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var owner in owners.Values.Distinct(StringComparer.Ordinal))
            clients[owner] = await app.SignInAsync(BuyerEmail(owner), Accounts.Password);
        await app.WaitForIndexAsync();
        return new ImportedCorpus(corpus, organizations, requirements, owners.ToDictionary(o => o.Key, o => clients[o.Value]), clock.Elapsed);
    }

    private static string BuyerEmail(string organization) => $"buyer@{organization}.labelled.test";

    /// <summary>A users "file" made in memory: one member for each organisation that owns a requirement.</summary>
    private static SeedFile BuyerAccounts(LabelledCorpus corpus)
    {
        var file = new SeedFile("labelled-buyers");
        var owners = corpus.Files.SelectMany(f => f.Seeds.Requirements).Select(r => r.Value.Organization!).Distinct(StringComparer.Ordinal);
        foreach (var (owner, i) in owners.Select((o, i) => (o, i)))
            file.Users.Add(new SeedRow<UserRow>(file.Name, i + 1, new UserRow
            {
                Email = BuyerEmail(owner), Password = Accounts.Password, Organization = owner, Role = MemberRole.Owner, DisplayName = "Labelled set buyer",
            }));
        return file;
    }
}
