using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Matching.Labelled;
using Xunit.Abstractions;

namespace GvcMatch.Web.Tests.Embeddings;

/// <summary>A class fixture: the app on SQLite running the float32 model as shipped (<c>Embeddings:Precision=Float32</c>).</summary>
public sealed class SqliteFloat32App() : GvcMatchApp(TestDatabase.Sqlite(), new Dictionary<string, string> { ["Embeddings:Precision"] = "Float32" }), IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override Task OnDisposedAsync()
    {
        DeleteFolder(Database.DataFolder);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The labelled set's quality bar on the float32 model: int8 is the default (the other labelled
/// runs), and a deployment that sets Float32 must keep the same quality.
/// </summary>
public sealed class LabelledQualityTestsOnSqliteFloat32(SqliteFloat32App app, ITestOutputHelper output)
    : LabelledQualityTests(app, output), IClassFixture<SqliteFloat32App>;
