using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Vocabulary;

/// <summary>
/// The capability vocabulary for the forms (autocomplete in the user's language, the concepts a
/// text names) and, for admins, the tags users typed that it does not know yet.
/// </summary>
public static class VocabularyApi
{
    public const int MaxSuggestions = 20;
    public const int MaxText = 4_000;
    private static readonly string[] Languages = ["en", "es", "ja", "de", "fr"];

    public static IEndpointRouteBuilder MapVocabularyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/vocabulary").WithTags("Vocabulary").AllowAnonymous();
        group.MapGet("/suggest", Suggest).WithSummary("Concepts whose label starts with what was typed, in the given language");
        group.MapGet("/recognise", Recognise).WithSummary("The concepts a text names, with the words that named them");
        group.MapGet("/concepts/{id}", Concept).WithSummary("One concept: labels in every language, broader and narrower concepts, codes");

        app.MapGet("/api/admin/vocabulary/unknown-tags", UnknownAsync).WithTags("Admin").RequireAuthorization()
            .RequireActor(actor => actor.IsPlatformAdmin ? null : "Only platform admins read the vocabulary report.")
            .WithSummary("Tags users typed most that name no concept: where the vocabulary should grow");
        return app;
    }

    private static Results<Ok<List<ConceptSuggestionDto>>, ValidationProblem> Suggest(CapabilityVocabulary vocabulary, string? q, string? lang, int take = 10)
    {
        if (string.IsNullOrWhiteSpace(q)) return Problems.Invalid("q", "Type at least one letter.");
        if (q.Length > 100) return Problems.Invalid("q", "At most 100 characters.");
        if (take is < 1 or > MaxSuggestions) return Problems.Invalid("take", $"take is 1 to {MaxSuggestions}.");
        var language = lang is null ? "en" : lang.ToLowerInvariant();
        if (!Languages.Contains(language)) return Problems.Invalid("lang", $"Languages: {string.Join(", ", Languages)}.");
        return TypedResults.Ok(vocabulary.Suggest(q, language, take)
            .Select(s => new ConceptSuggestionDto(s.Concept.Id, s.Label, s.Concept.PreferredLabel(), s.Concept.Kind, s.Concept.Sector)).ToList());
    }

    private static Results<Ok<List<RecognisedDto>>, ValidationProblem> Recognise(CapabilityVocabulary vocabulary, string? text, string? lang)
    {
        if (text is { Length: > MaxText }) return Problems.Invalid("text", $"At most {MaxText} characters.");
        var language = lang is not null && Languages.Contains(lang.ToLowerInvariant()) ? lang.ToLowerInvariant() : "en";
        return TypedResults.Ok(vocabulary.Tag(text).DistinctBy(m => (m.ConceptId, m.Surface))
            .Select(m => new RecognisedDto(m.Surface, m.ConceptId, vocabulary.Find(m.ConceptId)!.PreferredLabel(language))).ToList());
    }

    private static Results<Ok<ConceptDto>, ProblemHttpResult> Concept(CapabilityVocabulary vocabulary, string id)
    {
        if (vocabulary.Find(id) is not { } c) return Problems.NotFound("The concept");
        var narrower = vocabulary.DescendantsOf(id).Where(d => vocabulary.Find(d)!.Broader.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new ConceptDto(c.Id, c.Kind, c.Sector, c.Labels, c.Broader, narrower, c.Isic, c.Hs));
    }

    private static async Task<Results<Ok<UnknownTagsDto>, ValidationProblem>> UnknownAsync(AppDbContext db, CapabilityVocabulary vocabulary, CancellationToken ct, int take = 50)
    {
        if (take is < 1 or > 500) return Problems.Invalid("take", "take is 1 to 500.");
        return TypedResults.Ok(await UnknownTags.ReadAsync(db, vocabulary, take, ct));
    }
}
