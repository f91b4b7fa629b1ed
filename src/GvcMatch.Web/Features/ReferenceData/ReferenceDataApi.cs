using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.ReferenceData;

public static class ReferenceDataApi
{
    public static IEndpointRouteBuilder MapReferenceDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reference").WithTags("Reference data").AllowAnonymous();

        group.MapGet("/", () => TypedResults.Ok(ReferenceData.ListNames))
            .WithSummary("Names of the code lists");

        group.MapGet("/{list}", Results<Ok<IReadOnlyList<CodeName>>, NotFound> (string list, ReferenceData data) =>
                data.List(list) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound())
            .WithSummary("One code list (countries, currencies, isic, hs, certifications, ipc, languages, regions)");

        group.MapGet("/regions/{code}", Results<Ok<GvcMatch.Matching.Places.Region>, NotFound> (string code) =>
                GvcMatch.Matching.Places.RegionRegistry.Default.Find(code) is { } region ? TypedResults.Ok(region) : TypedResults.NotFound())
            .WithSummary("One region list with its countries (ISO 3166 alpha-2)");

        return app;
    }
}
