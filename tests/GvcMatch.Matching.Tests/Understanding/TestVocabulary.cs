using GvcMatch.Matching.Understanding;

namespace GvcMatch.Matching.Tests.Understanding;

/// <summary>A small vocabulary written for the tests, shaped like the shipped one, so tests do not move when the real one grows.</summary>
public static class TestVocabulary
{
    public const string Json = """
    {
      "sector": "metalworking",
      "concepts": [
        { "id": "machining", "kind": "sector", "isic": ["2592"], "labels": { "en": ["machining", "metal cutting"], "es": ["mecanizado", "maquinado"], "ja": ["切削加工", "機械加工"] } },
        { "id": "milling", "kind": "process", "broader": ["machining"], "labels": { "en": ["milling"], "es": ["fresado"], "ja": ["フライス加工"] } },
        { "id": "cnc-milling", "kind": "process", "broader": ["milling"], "labels": { "en": ["CNC milling"], "es": ["fresado CNC"], "ja": ["CNCフライス加工"] } },
        { "id": "five-axis-milling", "kind": "process", "broader": ["cnc-milling"], "labels": { "en": ["5-axis milling", "five-axis machining"], "es": ["fresado en 5 ejes"], "ja": ["5軸加工"] } },
        { "id": "turning", "kind": "process", "broader": ["machining"], "labels": { "en": ["turning", "lathe work"], "es": ["torneado"], "ja": ["旋盤加工", "旋削"] } },
        { "id": "casting", "kind": "sector", "labels": { "en": ["casting", "castings", "foundry"], "es": ["fundición"], "ja": ["鋳造"] } },
        { "id": "die-casting", "kind": "process", "broader": ["casting"], "isic": ["2432"], "labels": { "en": ["die casting", "pressure die casting", "HPDC"], "es": ["fundición a presión"], "ja": ["ダイカスト"] } },
        { "id": "sheet-metal", "kind": "sector", "isic": ["2599"], "labels": { "en": ["sheet metal working", "sheet metal fabrication"], "es": ["chapistería", "trabajo de chapa"], "ja": ["板金加工", "板金"] } },
        { "id": "laser-cutting", "kind": "process", "broader": ["sheet-metal"], "labels": { "en": ["laser cutting"], "es": ["corte por láser", "corte láser"], "ja": ["レーザー切断", "レーザー加工"] } },
        { "id": "surface-treatment", "kind": "sector", "labels": { "en": ["surface treatment", "surface finishing"], "es": ["tratamiento superficial"], "ja": ["表面処理"] } },
        { "id": "coating", "kind": "process", "broader": ["surface-treatment"], "labels": { "en": ["coating"], "es": ["recubrimiento"], "ja": ["塗装"] } },
        { "id": "powder-coating", "kind": "process", "broader": ["coating"], "isic": ["2592"], "labels": { "en": ["powder coating", "electrostatic powder painting", "powder paint finishing"], "es": ["pintura en polvo", "recubrimiento en polvo"], "ja": ["粉体塗装", "静電粉体塗装"] } },
        { "id": "wet-painting", "kind": "process", "broader": ["coating"], "labels": { "en": ["wet painting", "spray painting"], "es": ["pintura líquida"], "ja": ["溶剤塗装"] } },
        { "id": "anodising", "kind": "process", "broader": ["surface-treatment"], "labels": { "en": ["anodising", "anodizing", "anodic oxidation"], "es": ["anodizado"], "ja": ["アルマイト処理", "陽極酸化"] } },
        { "id": "tin", "kind": "material", "labels": { "en": ["tin"], "es": ["estaño"], "ja": ["錫"] } }
      ]
    }
    """;

    public static CapabilityVocabulary Load() => CapabilityVocabulary.FromJson([("metalworking.json", Json)]);

    public static readonly CapabilityVocabulary Shared = Load();

    public static MatchContext Context => new(Shared);
}
