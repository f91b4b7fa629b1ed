using System.Text.Json.Serialization;
using GvcMatch.Matching;

namespace GvcMatch.Web.Features.Search;

/// <summary>
/// Compile-time JSON metadata for the supplier payload: matching reads hundreds of payloads per
/// query, and generated readers skip the reflection of the default ones.
/// </summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SupplierFacts))]
internal sealed partial class PayloadJsonContext : JsonSerializerContext;
