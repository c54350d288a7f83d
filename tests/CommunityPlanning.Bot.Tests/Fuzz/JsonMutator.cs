using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CommunityPlanning.Bot.Tests.Fuzz;

/// <summary>
/// Mutates a JSON payload the ways a hostile or broken client might: wrong types, missing fields, deep
/// nesting, huge arrays and strings, invalid UTF-8, lone surrogates, duplicate keys, truncation. Driven by
/// a seeded <see cref="Random"/>, so a run is repeatable.
/// </summary>
internal sealed class JsonMutator(Random random)
{
    private const string TokenMark = "\u0001FUZZ";
    private int _tokens;

    /// <summary>A mutated copy of <paramref name="seed"/> as bytes, and what was done to it.</summary>
    public (byte[] Body, string Description) Mutate(JsonObject seed)
    {
        var root = (JsonObject)seed.DeepClone();
        var raw = new List<(string Token, byte[] Bytes)>();
        var steps = new List<string>();
        var count = random.Next(10) == 0 ? 3 : 1;
        for (var i = 0; i < count; i++)
        {
            steps.Add(MutateOnce(root, raw));
        }

        var text = root.ToJsonString();
        var body = Splice(text, raw);
        if (random.Next(25) == 0)
        {
            var cut = random.Next(1, Math.Max(2, body.Length));
            steps.Add($"truncated at {cut}");
            body = body[..cut];
        }

        return (body, string.Join("; ", steps));
    }

    /// <summary>A whole body that is not an object at all.</summary>
    public (byte[] Body, string Description) NotAnObject()
    {
        string[] bodies = ["[]", "null", "42", "\"message\"", "", "{", "{}", "[{\"type\":\"message\"}]", "{\"type\":\"message\"}"];
        var body = bodies[random.Next(bodies.Length)];
        return (Encoding.UTF8.GetBytes(body), $"body {body}");
    }

    private string MutateOnce(JsonObject root, List<(string Token, byte[] Bytes)> raw)
    {
        var places = new List<Place>();
        Collect(root, "$", places);
        if (places.Count == 0)
        {
            root["type"] = 42;
            return "type → 42";
        }

        var place = places[random.Next(places.Count)];
        switch (random.Next(9))
        {
            case 0:
            case 1:
                var replacement = WrongType(place.Node);
                place.Set(replacement.Node);
                return $"{place.Path} → {replacement.Name}";
            case 2:
                place.Remove();
                return $"{place.Path} removed";
            case 3:
                var depth = random.Next(64, 400);
                place.Set(Token(raw, Encoding.UTF8.GetBytes(Deep(depth))));
                return $"{place.Path} → nested {depth} deep";
            case 4:
                var size = random.Next(2) == 0 ? 10_000 : random.Next(1_000, 20_000);
                place.Set(Token(raw, Encoding.UTF8.GetBytes(HugeArray(size))));
                return $"{place.Path} → array of {size}";
            case 5:
                var (bytes, name) = BadText();
                place.Set(Token(raw, bytes));
                return $"{place.Path} → {name}";
            case 6:
                var length = random.Next(4) switch { 0 => 33_000, 1 => 120_000, 2 => 300_000, _ => random.Next(1_000, 70_000) };
                place.Set(JsonValue.Create(new string((char)('a' + random.Next(26)), length)));
                return $"{place.Path} → string of {length}";
            case 7:
                return DuplicateKey(root, raw);
            default:
                var text = Strange();
                place.Set(JsonValue.Create(text));
                return $"{place.Path} → strange string ({text.Length})";
        }
    }

    private string DuplicateKey(JsonObject root, List<(string Token, byte[] Bytes)> raw)
    {
        var objects = new List<(JsonObject Node, string Path)>();
        CollectObjects(root, "$", objects);
        var (target, path) = objects[random.Next(objects.Count)];
        if (target.Count == 0)
        {
            target["type"] = "message";
        }

        var key = target.ElementAt(random.Next(target.Count)).Key;
        var token = NextToken();
        target[token] = WrongType(target[key]).Node;
        raw.Add((token, Encoding.UTF8.GetBytes(JsonValue.Create(key)!.ToJsonString())));
        return $"{path}.{key} duplicated";
    }

    private (JsonNode? Node, string Name) WrongType(JsonNode? current)
    {
        var options = new List<(Func<JsonNode?> Make, string Name)>
        {
            (() => JsonValue.Create(42), "number"),
            (() => JsonValue.Create(-1.5e300), "huge number"),
            (() => JsonValue.Create(true), "true"),
            (() => null, "null"),
            (() => JsonValue.Create("text"), "string"),
            (() => JsonValue.Create(string.Empty), "empty string"),
            (() => new JsonArray(), "empty array"),
            (() => new JsonArray(1, "two", null, new JsonObject()), "mixed array"),
            (() => new JsonObject(), "empty object"),
            (() => new JsonObject { ["id"] = 7, ["text"] = new JsonArray() }, "odd object"),
        };
        var kind = current?.GetValueKind();
        var fitting = options.Where(o => o.Make()?.GetValueKind() != kind).ToList();
        var choice = fitting[random.Next(fitting.Count)];
        return (choice.Make(), choice.Name);
    }

    private (byte[] Bytes, string Name) BadText() => random.Next(5) switch
    {
        0 => ([(byte)'"', (byte)'a', 0xC3, 0x28, (byte)'b', (byte)'"'], "invalid UTF-8 (bad continuation)"),
        1 => ([(byte)'"', 0xFF, 0xFE, 0xFD, (byte)'"'], "invalid UTF-8 (FF FE FD)"),
        2 => ([(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'], "invalid UTF-8 (encoded surrogate)"),
        3 => (Encoding.UTF8.GetBytes("\"\\uD800 lone\""), "lone surrogate escape"),
        _ => ([(byte)'"', 0xF0, 0x9F, (byte)'"'], "invalid UTF-8 (cut short)"),
    };

    private string Strange() => random.Next(6) switch
    {
        0 => "   ",
        1 => "<at>PlanBot</at><at>",
        2 => "\u0000\u0007\u001b[31m",
        3 => new string('/', 600) + "#?\\",
        4 => "🙂🙂🙂 " + new string('é', 500),
        _ => "@Microsoft.KeyVault(SecretUri=x)",
    };

    private JsonValue Token(List<(string Token, byte[] Bytes)> raw, byte[] bytes)
    {
        var token = NextToken();
        raw.Add((JsonValue.Create(token)!.ToJsonString(), bytes));
        return JsonValue.Create(token)!;
    }

    private string NextToken() => TokenMark + (_tokens++).ToString(CultureInfo.InvariantCulture) + "\u0001";

    private string Deep(int depth)
    {
        var open = new StringBuilder();
        var close = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            if (random.Next(2) == 0)
            {
                open.Append('[');
                close.Insert(0, ']');
            }
            else
            {
                open.Append("{\"a\":");
                close.Insert(0, '}');
            }
        }

        return open + "1" + close;
    }

    private string HugeArray(int size)
    {
        var item = random.Next(3) switch { 0 => "0", 1 => "{}", _ => "\"x\"" };
        return "[" + string.Join(',', Enumerable.Repeat(item, size)) + "]";
    }

    private static byte[] Splice(string text, List<(string Token, byte[] Bytes)> raw)
    {
        // Key tokens are stored as plain tokens; value tokens as their serialized (quoted) form.
        var output = new List<byte>(Encoding.UTF8.GetBytes(text));
        foreach (var (token, bytes) in raw)
        {
            var needle = Encoding.UTF8.GetBytes(token.StartsWith('"') ? token : JsonValue.Create(token)!.ToJsonString());
            var at = IndexOf(output, needle);
            if (at >= 0)
            {
                output.RemoveRange(at, needle.Length);
                output.InsertRange(at, bytes);
            }
        }

        return [.. output];
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Count - needle.Length; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
            {
                match = haystack[i + j] == needle[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Collect(JsonNode node, string path, List<Place> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    places.Add(new Place(obj, key, -1, $"{path}.{key}", child));
                    if (child is not null)
                    {
                        Collect(child, $"{path}.{key}", places);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add(new Place(array, null, i, $"{path}[{i}]", array[i]));
                    if (array[i] is { } child)
                    {
                        Collect(child, $"{path}[{i}]", places);
                    }
                }

                break;
        }
    }

    private static void CollectObjects(JsonNode node, string path, List<(JsonObject, string)> objects)
    {
        if (node is JsonObject obj)
        {
            objects.Add((obj, path));
            foreach (var (key, child) in obj.ToList())
            {
                if (child is not null)
                {
                    CollectObjects(child, $"{path}.{key}", objects);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } child)
                {
                    CollectObjects(child, $"{path}[{i}]", objects);
                }
            }
        }
    }

    private sealed record Place(JsonNode Parent, string? Key, int Index, string Path, JsonNode? Node)
    {
        public void Set(JsonNode? value)
        {
            if (Parent is JsonObject obj)
            {
                obj[Key!] = value;
            }
            else
            {
                ((JsonArray)Parent)[Index] = value;
            }
        }

        public void Remove()
        {
            if (Parent is JsonObject obj)
            {
                obj.Remove(Key!);
            }
            else
            {
                ((JsonArray)Parent).RemoveAt(Index);
            }
        }
    }
}
