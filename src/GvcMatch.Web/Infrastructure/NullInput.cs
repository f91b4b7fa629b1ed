using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// JSON lets a client send <c>null</c> where the input records say a value is never null
/// (<c>"capabilities": null</c>, <c>"lots": [null]</c>). The serializer does not check element
/// nullability, so instead of guarding every Validate and ApplyTo, a deserialized body is walked
/// once against its nullable annotations and every null where none may be is reported under its
/// JSON path (<c>capabilities[2]</c>, <c>lots[0].title</c>).
/// </summary>
public static class NullInput
{
    private const int MaxDepth = 32;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Member>> Members = new();

    private sealed record Member(string Name, Func<object, object?> Get, NullabilityInfo Nullability);

    /// <summary>Adds an error for every null in <paramref name="value"/> that its declared types do not allow.</summary>
    public static void Check(object value, JsonSerializerOptions options, Errors errors, string prefix = "") =>
        Walk(value, options, errors, prefix, 0);

    /// <summary>Checks the JSON body of every endpoint under <paramref name="builder"/> before its handler runs.</summary>
    public static TBuilder WithNullChecks<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var body = ctx.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            if (body is null || !IsOurs(body)) return await next(ctx);
            var options = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var errors = new Errors();
            foreach (var argument in ctx.Arguments)
                if (argument is not null && argument.GetType() == body) Check(argument, options, errors);
            return errors.Any ? Problems.Invalid(errors.ToDictionary()) : await next(ctx);
        });

    private static void Walk(object value, JsonSerializerOptions options, Errors errors, string path, int depth)
    {
        if (depth > MaxDepth || !IsOurs(value.GetType())) return;
        foreach (var member in MembersOf(value.GetType(), options))
        {
            var at = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            var item = member.Get(value);
            if (item is null)
            {
                if (member.Nullability.ReadState == NullabilityState.NotNull) errors.Add(at, "This field cannot be null.");
                continue;
            }
            WalkValue(item, member.Nullability, options, errors, at, depth + 1);
        }
    }

    private static void WalkValue(object value, NullabilityInfo nullability, JsonSerializerOptions options, Errors errors, string path, int depth)
    {
        if (value is string || depth > MaxDepth) return;
        if (value is IEnumerable items and not IDictionary)
        {
            var element = nullability.ElementType ?? (nullability.GenericTypeArguments is [var only] ? only : null);
            var i = 0;
            foreach (var item in items)
            {
                var at = $"{path}[{i++}]";
                if (item is null)
                {
                    if (element?.ReadState == NullabilityState.NotNull) errors.Add(at, "A list item cannot be null.");
                }
                else if (element is not null) WalkValue(item, element, options, errors, at, depth + 1);
            }
            return;
        }
        Walk(value, options, errors, path, depth);
    }

    private static IReadOnlyList<Member> MembersOf(Type type, JsonSerializerOptions options) => Members.GetOrAdd(type, t =>
    {
        var info = options.GetTypeInfo(t);
        if (info.Kind != JsonTypeInfoKind.Object) return [];
        var context = new NullabilityInfoContext();
        var members = new List<Member>();
        foreach (var property in info.Properties)
        {
            if (property.Get is not { } get || property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null) continue;
            var nullability = property.AttributeProvider switch
            {
                PropertyInfo p => context.Create(p),
                FieldInfo f => context.Create(f),
                _ => null,
            };
            if (nullability is not null) members.Add(new Member(property.Name, get, nullability));
        }
        return members;
    });

    /// <summary>Only the app's own input types are walked; framework types carry no annotations worth trusting here.</summary>
    private static bool IsOurs(Type type) => type.Assembly.GetName().Name?.StartsWith("GvcMatch", StringComparison.Ordinal) == true;
}
