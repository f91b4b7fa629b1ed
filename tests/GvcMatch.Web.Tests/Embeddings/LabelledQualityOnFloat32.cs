using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Matching.Labelled;
using Xunit.Abstractions;

namespace GvcMatch.Web.Tests.Embeddings;

/// <summary>A class fixture: the app on SQLite running the int8 model (<c>Embeddings:Precision=Int8</c>).</summary>
public sealed class SqliteInt8App() : GvcMatchApp(TestDatabase.Sqlite(), new Dictionary<string, string> { ["Embeddings:Precision"] = "Int8" }), IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override Task OnDisposedAsync()
    {
        DeleteFolder(Database.DataFolder);
        return Task.CompletedTask;
    }
}

/// <summary>The labelled set's quality bar on the int8 model: quantizing must not cost matching quality.</summary>
public sealed class LabelledQualityTestsOnSqliteInt8(SqliteInt8App app, ITestOutputHelper output)
    : LabelledQualityTests(app, output), IClassFixture<SqliteInt8App>;
