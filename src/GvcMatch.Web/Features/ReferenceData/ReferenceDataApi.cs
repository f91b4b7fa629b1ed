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
            .WithSummary("One code list (countries, currencies, isic, hs, certifications, ipc, languages)");

        return app;
    }
}
