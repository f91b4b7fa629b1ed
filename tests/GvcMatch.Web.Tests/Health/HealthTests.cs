using System.Net;
using GvcMatch.Web.Data;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Health;

public abstract class HealthTests(GvcMatchApp app)
{
    /// <summary>Guards the fixture itself: the test settings win over appsettings.json.</summary>
    [DatabaseFact]
    public async Task TheAppUnderTestUsesItsOwnEmptyDatabaseOnTheChosenProvider()
    {
        using var client = app.CreateClient();
        var (provider, organisations, users) = await app.WithDbAsync(async db =>
            (db.Database.ProviderName, await db.Organizations.CountAsync(), await db.Users.CountAsync()));
        Assert.Equal(app.Database.Provider == DatabaseProvider.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
        Assert.Equal(0, organisations);
        Assert.Equal(0, users);
        if (app.Database.Provider == DatabaseProvider.Sqlite)
            Assert.NotEmpty(Directory.GetFiles(app.Database.DataFolder, "*.db"));
    }

    [DatabaseFact]
    public async Task HealthReportsTheDatabaseHealthy()
    {
        using var client = app.CreateClient();
        var health = await Expect.JsonAsync(await client.GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task TheOpenApiDocumentListsTheRequirementsApi()
    {
        using var client = app.CreateClient();
        var document = await Expect.JsonAsync(await client.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/requirements", out _),
            "/openapi/v1.json has no /api/requirements path.");
    }

    [DatabaseFact]
    public async Task TheApiReferencePageIsServed()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api-docs/index.html");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class HealthTestsOnSqlite(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

public sealed class HealthTestsOnPostgres(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
