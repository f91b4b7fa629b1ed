using System.Runtime.InteropServices;
using Google.Protobuf;
using GvcMatch.Embeddings.Quantization.Onnx;

namespace GvcMatch.Embeddings.Quantization;

/// <summary>What the rewrite changed: matrix products made integer, and those left in float.</summary>
public sealed record QuantizationSummary(int QuantizedMatMuls, int FloatMatMuls, long WeightBytesBefore, long WeightBytesAfter);

/// <summary>
/// Dynamic int8 quantization of an ONNX model's matrix products with a constant weight, done in
/// C# because ONNX Runtime's own quantizer ships in its Python package only. Each
/// <c>MatMul(X, W)</c> whose W is a 2-D float initializer becomes
/// <code>
///   DynamicQuantizeLinear(X)           → Xq (uint8), Xscale, Xzero     (per call: X's range decides)
///   MatMulInteger(Xq, Wq, Xzero)       → int32                           (Wq: int8, zero point 0)
///   Cast(to float) · (Xscale · Wscale) → the MatMul's output, in float
/// </code>
/// W is quantized once here, per output column, symmetrically: Wscale[j] = max|W[·,j]| / 127. All
/// are standard ONNX operators (opset 10/11) that ONNX Runtime's CPU provider runs, and it fuses
/// the chain into one integer kernel. Products of two computed values (attention's Q·Kᵀ and
/// weights·V) keep float. The activations' uint8 times the weights' int8 needs 32-bit sums only,
/// which the VNNI instructions give; without them ONNX Runtime's AVX2 kernel can saturate on
/// extreme values, which the quality gate in the tests would show.
/// </summary>
public static class MatMulQuantizer
{
    private const string StandardDomain = "";

    public static byte[] Quantize(byte[] model, out QuantizationSummary summary)
    {
        var parsed = ModelProto.Parser.ParseFrom(model);
        summary = Quantize(parsed);
        return parsed.ToByteArray();
    }

    internal static QuantizationSummary Quantize(ModelProto model)
    {
        var graph = model.Graph ?? throw new InvalidDataException("The model has no graph.");
        RequireOpset(model, 11);
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var quantizedWeights = new Dictionary<string, (string Values, string Scale)>(StringComparer.Ordinal);
        var quantizedInputs = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<NodeProto>(graph.Node.Count + 64);
        int quantized = 0, kept = 0;
        long before = 0, after = 0;

        foreach (var node in graph.Node)
        {
            if (node.OpType != "MatMul" || node.Domain is not (StandardDomain or "ai.onnx")) { nodes.Add(node); continue; }
            if (!initializers.TryGetValue(node.Input[1], out var weight) || !IsFloatMatrix(weight))
            {
                kept++;
                nodes.Add(node);
                continue;
            }
            var input = node.Input[0];
            if (quantizedInputs.Add(input))
                nodes.Add(Node("DynamicQuantizeLinear", $"{input}_dql", [input], [$"{input}_q", $"{input}_q_scale", $"{input}_q_zero"]));
            if (!quantizedWeights.TryGetValue(weight.Name, out var q))
            {
                var (values, scale) = QuantizePerColumn(weight);
                graph.Initializer.Add(values);
                graph.Initializer.Add(scale);
                q = (values.Name, scale.Name);
                quantizedWeights[weight.Name] = q;
                before += weight.RawData.Length + weight.FloatData.Count * sizeof(float);
                after += values.RawData.Length + scale.RawData.Length;
            }
            var output = node.Output[0];
            var name = string.IsNullOrEmpty(node.Name) ? output : node.Name;
            nodes.Add(Node("MatMulInteger", $"{name}_int", [$"{input}_q", q.Values, $"{input}_q_zero"], [$"{output}_int32"]));
            var cast = Node("Cast", $"{name}_cast", [$"{output}_int32"], [$"{output}_int32_float"]);
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float });
            nodes.Add(cast);
            nodes.Add(Node("Mul", $"{name}_scales", [$"{input}_q_scale", q.Scale], [$"{output}_scale"]));
            nodes.Add(Node("Mul", $"{name}_rescale", [$"{output}_int32_float", $"{output}_scale"], [output]));
            quantized++;
        }

        // A float weight no node reads any more goes, so the file and the session carry int8 only.
        var stillRead = nodes.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        var unused = graph.Initializer.Where(t => quantizedWeights.ContainsKey(t.Name) && !stillRead.Contains(t.Name)).ToList();
        foreach (var t in unused) graph.Initializer.Remove(t);
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        return new QuantizationSummary(quantized, kept, before, after);
    }

    private static void RequireOpset(ModelProto model, int version)
    {
        var standard = model.OpsetImport.FirstOrDefault(o => o.Domain is StandardDomain or "ai.onnx");
        if (standard is null || standard.Version < version)
            throw new InvalidDataException($"The model imports ONNX opset {standard?.Version.ToString() ?? "none"}; DynamicQuantizeLinear needs {version} or later.");
    }

    private static bool IsFloatMatrix(TensorProto t) =>
        t.DataType == (int)TensorProto.Types.DataType.Float && t.Dims.Count == 2
        && t.Dims[0] * t.Dims[1] == (t.HasRawData ? t.RawData.Length / sizeof(float) : t.FloatData.Count);

    /// <summary>Symmetric int8 per output column; a column of zeros gets scale 1 so nothing divides by 0.</summary>
    internal static (TensorProto Values, TensorProto Scale) QuantizePerColumn(TensorProto weight)
    {
        var (rows, columns) = ((int)weight.Dims[0], (int)weight.Dims[1]);
        var w = weight.HasRawData ? MemoryMarshal.Cast<byte, float>(weight.RawData.Span).ToArray() : [.. weight.FloatData];
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX stores tensors little-endian; this rewrite reads them in place.");
        var scales = new float[columns];
        for (var k = 0; k < rows; k++)
            for (var j = 0; j < columns; j++)
                scales[j] = Math.Max(scales[j], Math.Abs(w[k * columns + j]));
        for (var j = 0; j < columns; j++) scales[j] = scales[j] > 0 ? scales[j] / 127f : 1f;
        var q = new sbyte[w.Length];
        for (var k = 0; k < rows; k++)
            for (var j = 0; j < columns; j++)
                q[k * columns + j] = (sbyte)Math.Clamp(MathF.Round(w[k * columns + j] / scales[j], MidpointRounding.ToEven), -127f, 127f);

        var values = new TensorProto
        {
            Name = $"{weight.Name}_int8", DataType = (int)TensorProto.Types.DataType.Int8,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(q.AsSpan())),
        };
        values.Dims.Add(weight.Dims);
        var scale = new TensorProto
        {
            Name = $"{weight.Name}_scale", DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(scales.AsSpan())),
        };
        scale.Dims.Add(columns);
        return (values, scale);
    }

    private static NodeProto Node(string op, string name, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = name, Domain = StandardDomain };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        return node;
    }
}
