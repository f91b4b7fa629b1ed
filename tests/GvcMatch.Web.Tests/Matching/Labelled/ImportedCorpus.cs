using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Import;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Tests.Matching.Labelled;

/// <summary>The labelled set as loaded into one running app: ids by key, and a signed-in buyer for each requirement.</summary>
public sealed class ImportedCorpus(
    LabelledCorpus corpus, IReadOnlyDictionary<string, int> organizations, IReadOnlyDictionary<string, int> requirements,
    IReadOnlyDictionary<string, HttpClient> buyersByRequirement, string loadTimes)
{
    private static readonly ConditionalWeakTable<GvcMatchApp, Task<ImportedCorpus>> Imported = new();

    private readonly Dictionary<int, string> _keysById = organizations.ToDictionary(o => o.Value, o => o.Key);

    public LabelledCorpus Corpus { get; } = corpus;
    public IReadOnlyDictionary<string, int> Requirements { get; } = requirements;

    /// <summary>How long the import, the sign-ins and the indexing took, for the test output.</summary>
    public string LoadTimes { get; } = loadTimes;

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
    /// published requirements), gives each buying organisation a signed-in member, and waits
    /// until the indexer has caught up.
    /// </summary>
    private static async Task<ImportedCorpus> ImportAsync(GvcMatchApp app)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var corpus = LabelledCorpus.Load();
        if (corpus.Cases.Count == 0) throw new InvalidOperationException($"No labelled files in {LabelledCorpus.Folder}.");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<SeedImporter>();
            var report = await importer.ImportAsync([.. corpus.Files.Select(f => f.Seeds)], ImportOrigin.Command);
            if (!report.Succeeded)
                throw new InvalidOperationException("The labelled files did not import cleanly:" + Environment.NewLine
                    + string.Join(Environment.NewLine, report.FileErrors.Concat(report.Errors)));
        }
        var imported = clock.Elapsed;

        var organizations = await app.WithDbAsync(db => db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Key, o => o.Id));
        var requirements = await app.WithDbAsync(db => db.Requirements.AsNoTracking().ToDictionaryAsync(r => r.Key, r => r.Id));
        var owners = corpus.Files.SelectMany(f => f.Seeds.Requirements).ToDictionary(r => r.Value.Key!, r => r.Value.Organization!);
        var clients = await SignInBuyersAsync(app, owners.Values.Distinct(StringComparer.Ordinal).ToDictionary(o => o, o => organizations[o]));
        var signedIn = clock.Elapsed;
        // A bulk import of the whole corpus: every profile, requirement and tag is embedded on the way into the index.
        await app.WaitForIndexAsync(TimeSpan.FromMinutes(3));
        var times = $"import {imported.TotalSeconds:0.0} s, {clients.Count} buyers {(signedIn - imported).TotalSeconds:0.0} s, "
            + $"indexing {(clock.Elapsed - signedIn).TotalSeconds:0.0} s";
        return new ImportedCorpus(corpus, organizations, requirements, owners.ToDictionary(o => o.Key, o => clients[o.Value]), times);
    }

    /// <summary>
    /// One member per buying organisation, with a bearer token made by the app's own token
    /// protector, as a sign-in would issue it. Passwords are left out on purpose: hashing and
    /// verifying one costs a tenth of a second of CPU, and a fixture needs seventeen of them.
    /// </summary>
    private static async Task<Dictionary<string, HttpClient>> SignInBuyersAsync(GvcMatchApp app, IReadOnlyDictionary<string, int> buyingOrganizations)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var tokens = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (key, id) in buyingOrganizations)
        {
            var email = $"buyer@{key}.labelled.test";
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, OrganizationId = id, Role = MemberRole.Owner, DisplayName = "Labelled set buyer" };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) throw new InvalidOperationException($"{email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            var ticket = new AuthenticationTicket(await signIn.CreateUserPrincipalAsync(user),
                new AuthenticationProperties { ExpiresUtc = app.Clock.GetUtcNow().AddDays(1) }, IdentityConstants.BearerScheme);
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Protect(ticket));
            clients[key] = client;
        }
        return clients;
    }
}
