using System.Globalization;
using System.Text.Json;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.OpenData;

/// <summary>
/// Open Contracting Data Standard 1.1 publication of every requirement past draft and its awards:
/// paged release and record packages, one requirement's release, and a bulk file streamed straight
/// to the response. Public: the content is what the requirement pages already show, minus people.
/// </summary>
public static class OpenDataApi
{
    /// <summary>Requirements read per database round trip by the bulk file: a bounded batch keeps memory flat.</summary>
    public const int BulkBatch = 500;

    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddOptions<OpenDataOptions>().BindConfiguration(OpenDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ocds").WithTags("Open data").AllowAnonymous();
        group.MapGet("/releases", ReleasesAsync).WithSummary("OCDS 1.1 release package, one release per published requirement (page=1…)");
        group.MapGet("/records", RecordsAsync).WithSummary("OCDS 1.1 record package, one record per published requirement (page=1…)");
        group.MapGet("/releases/{ocid}", ReleaseAsync).WithSummary("One requirement's release, in a release package");
        group.MapGet("/bulk", Bulk).WithSummary("Every published requirement and award as one release package, streamed");
        return app;
    }

    private static Task<Results<PushStreamHttpResult, ValidationProblem>> ReleasesAsync(
        int? page, HttpRequest request, AppDbContext db, IOptions<OpenDataOptions> options, TimeProvider clock, CancellationToken ct) =>
        PagedAsync(page, request, db, options.Value, clock, "releases", (w, releases, x) => releases.Write(w, x), ct);

    private static Task<Results<PushStreamHttpResult, ValidationProblem>> RecordsAsync(
        int? page, HttpRequest request, AppDbContext db, IOptions<OpenDataOptions> options, TimeProvider clock, CancellationToken ct) =>
        PagedAsync(page, request, db, options.Value, clock, "records",
            (w, releases, x) => OcdsPackages.WriteRecord(w, releases, x, $"{Base(request)}/api/ocds/releases/{releases.Ocid(x.Requirement.Id)}"), ct);

    /// <summary>One page of a release or record package: <paramref name="array"/> holds one entry per requirement, written by <paramref name="writeOne"/>.</summary>
    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> PagedAsync(int? page, HttpRequest request, AppDbContext db,
        OpenDataOptions o, TimeProvider clock, string array, Action<Utf8JsonWriter, OcdsRelease, OcdsRequirement> writeOne, CancellationToken ct)
    {
        if (page is < 1) return Problems.Invalid("page", "Pages are numbered from 1.");
        var (items, next, prev) = await PageAsync(db, request, page ?? 1, o.PageSize, ct);
        var releases = new OcdsRelease(o.OcidPrefix);
        return Json(request, (w, _) =>
        {
            OcdsPackages.Start(w, Uri(request), o.PublisherName, clock.GetUtcNow(), next, prev);
            w.WriteStartArray(array);
            foreach (var x in items) writeOne(w, releases, x);
            w.WriteEndArray();
            w.WriteEndObject();
            return Task.CompletedTask;
        });
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ReleaseAsync(
        string ocid, HttpRequest request, AppDbContext db, IOptions<OpenDataOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var o = options.Value;
        if (OcdsSource.RequirementId(ocid, o.OcidPrefix) is not { } id) return Problems.NotFound("The release");
        var found = await OcdsSource.LoadAsync(db, OcdsSource.Published(db).Where(r => r.Id == id), ct);
        if (found.Count == 0) return Problems.NotFound("The release");
        var releases = new OcdsRelease(o.OcidPrefix);
        return Json(request, (w, _) =>
        {
            OcdsPackages.Start(w, Uri(request), o.PublisherName, clock.GetUtcNow(), null, null);
            w.WriteStartArray("releases");
            releases.Write(w, found[0]);
            w.WriteEndArray();
            w.WriteEndObject();
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Reads requirements in keyset batches of <see cref="BulkBatch"/> and writes each batch to the
    /// response before reading the next, so the memory used does not grow with the number published.
    /// </summary>
    private static PushStreamHttpResult Bulk(HttpRequest request, IServiceScopeFactory scopes, IOptions<OpenDataOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        var releases = new OcdsRelease(o.OcidPrefix);
        var uri = Uri(request);
        return Json(request, async (w, ct) =>
        {
            OcdsPackages.Start(w, uri, o.PublisherName, clock.GetUtcNow(), null, null);
            w.WriteStartArray("releases");
            var last = 0;
            while (true)
            {
                // A fresh context per batch: nothing read before stays tracked or cached.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var after = last;
                var batch = await OcdsSource.LoadAsync(db, OcdsSource.Published(db).Where(r => r.Id > after).Take(BulkBatch), ct);
                if (batch.Count == 0) break;
                foreach (var x in batch) releases.Write(w, x);
                last = batch[^1].Requirement.Id;
                await w.FlushAsync(ct);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<(List<OcdsRequirement> Items, string? Next, string? Prev)> PageAsync(
        AppDbContext db, HttpRequest request, int page, int size, CancellationToken ct)
    {
        var items = await OcdsSource.LoadAsync(db, OcdsSource.Published(db).Skip((page - 1) * size).Take(size + 1), ct);
        var more = items.Count > size;
        if (more) items.RemoveAt(size);
        var path = $"{Base(request)}{request.Path}?page=";
        return (items, more ? path + (page + 1).ToString(CultureInfo.InvariantCulture) : null,
            page > 1 ? path + (page - 1).ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The package as JSON written straight to the response; summaries in English, whatever the request's language.</summary>
    private static PushStreamHttpResult Json(HttpRequest request, Func<Utf8JsonWriter, CancellationToken, Task> write) =>
        TypedResults.Stream(async stream =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var ct = request.HttpContext.RequestAborted;
            await using var writer = new Utf8JsonWriter(stream);
            await write(writer, ct);
            await writer.FlushAsync(ct);
        }, "application/json");

    private static string Base(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    private static string Uri(HttpRequest r) => $"{Base(r)}{r.Path}{r.QueryString}";
}
