using System.Numerics.Tensors;

namespace GvcMatch.Search.Tests;

/// <summary>
/// Supplier vectors made the way the benchmark generator makes them (<c>generate --vectors</c>): a
/// supplier's vector is the normalised mean of its capability tags' vectors plus a little noise
/// (±0.025 a component), tags drawn mostly from the supplier's sector. The generator embeds its
/// 124 tags with the model; here each of 8 sectors has 15 tags around a sector direction, so tags
/// of a sector are alike as the model's are (cosines about 0.6) without loading the model.
/// </summary>
internal sealed class GeneratedVectors
{
    public const int Dimensions = 384;
    private static readonly string[] Countries = ["DE", "DE", "DE", "DE", "DE", "JP", "JP", "JP", "JP", "US", "US", "US", "US", "FR", "FR", "FR", "IT", "IT", "IT", "CH"];

    private readonly float[][] _tags;
    private readonly float[][] _vectors;
    private readonly string[] _countries;

    public GeneratedVectors(int count, int seed)
    {
        var random = new Random(seed);
        var sectors = Enumerable.Range(0, 8).Select(_ => Gaussian(random)).ToArray();
        _tags = sectors.SelectMany(c => Enumerable.Range(0, 15).Select(_ => Normalize(Add(c, Gaussian(random), 0.8f)))).ToArray();
        _vectors = new float[count + 1][];
        _countries = new string[count + 1];
        for (var id = 1; id <= count; id++)
        {
            var sector = random.Next(8);
            var sum = new float[Dimensions];
            for (var t = random.Next(2, 6); t > 0; t--) sum = Add(sum, _tags[sector * 15 + random.Next(15)], 1);
            if (random.Next(5) == 0) sum = Add(sum, _tags[random.Next(_tags.Length)], 1);
            sum = Normalize(sum);
            for (var i = 0; i < Dimensions; i++) sum[i] += (float)(random.NextDouble() - 0.5) * 0.05f;
            _vectors[id] = Normalize(sum);
            _countries[id] = Countries[random.Next(Countries.Length)];
        }
    }

    public string Country(int id) => _countries[id];

    public SearchDocument Document(int id) => new()
    {
        Kind = DocumentKind.Supplier, EntityId = id, Title = $"Supplier {id}",
        Keywords = new Dictionary<string, IReadOnlyList<string>> { ["country"] = [_countries[id]] },
        Vector = _vectors[id],
    };

    /// <summary>Half stored suppliers' vectors with noise (look-alike searches), half a mix of two tags of a sector (a requirement's text).</summary>
    public List<float[]> Queries(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            if (i % 2 == 0)
            {
                var near = _vectors[random.Next(1, _vectors.Length)];
                return Normalize(near.Select(v => v + (float)(random.NextDouble() - 0.5) * 0.1f).ToArray());
            }
            var sector = random.Next(8);
            return Normalize(Add(_tags[sector * 15 + random.Next(15)], _tags[sector * 15 + random.Next(15)], 1));
        }).ToList();
    }

    /// <summary>The exact nearest by cosine among the suppliers <paramref name="passes"/> admits, ties by id.</summary>
    public List<int> ExactOrder(float[] query, int take, Func<int, bool> passes) =>
        Enumerable.Range(1, _vectors.Length - 1).Where(passes)
            .Select(id => (id, score: TensorPrimitives.Dot(_vectors[id], query)))
            .OrderByDescending(x => x.score).ThenBy(x => x.id).Take(take).Select(x => x.id).ToList();

    public HashSet<int> ExactTop(float[] query, int take, Func<int, bool> passes) => [.. ExactOrder(query, take, passes)];

    public static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(TensorPrimitives.Dot(v, v));
        return v.Select(x => x / norm).ToArray();
    }

    private static float[] Add(float[] a, float[] b, float weight) => a.Select((x, i) => x + weight * b[i]).ToArray();

    private static float[] Gaussian(Random random) => Normalize(Enumerable.Range(0, Dimensions)
        .Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray());
}
