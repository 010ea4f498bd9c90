namespace Serverless.Runtime.Http;

/// <summary>
/// A parsed route template: literal segments, <c>{name}</c> parameters and a last greedy <c>{name+}</c>.
/// Matching compares segments; nothing is compiled to a regular expression.
/// </summary>
internal sealed class HttpRouteTemplate
{
    private HttpRouteTemplate(string text, Segment[] segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public Segment[] Segments { get; }

    public bool IsGreedy => Segments.Length > 0 && Segments[^1].Kind == SegmentKind.Greedy;

    /// <exception cref="ArgumentException">The template is not valid.</exception>
    public static HttpRouteTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.StartsWith('/'))
        {
            throw new ArgumentException($"The route '{template}' must start with '/'.", nameof(template));
        }

        var parts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = new Segment[parts.Length];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                var greedy = part.EndsWith("+}", StringComparison.Ordinal);
                var name = part[1..(greedy ? ^2 : ^1)];
                if (name.Length == 0 || name.AsSpan().IndexOfAny("{}/+") >= 0)
                {
                    throw new ArgumentException($"The route '{template}' has an invalid parameter '{part}'.", nameof(template));
                }

                if (greedy && i != parts.Length - 1)
                {
                    throw new ArgumentException($"The greedy parameter '{part}' must be the last segment of '{template}'.", nameof(template));
                }

                if (!names.Add(name))
                {
                    throw new ArgumentException($"The route '{template}' names the parameter '{name}' twice.", nameof(template));
                }

                segments[i] = new Segment(greedy ? SegmentKind.Greedy : SegmentKind.Parameter, name);
            }
            else if (part.AsSpan().IndexOfAny('{', '}') >= 0)
            {
                throw new ArgumentException(
                    $"The route '{template}' has a segment '{part}' that mixes text and a parameter; API Gateway allows whole-segment parameters only.",
                    nameof(template));
            }
            else
            {
                segments[i] = new Segment(SegmentKind.Literal, part);
            }
        }

        return new HttpRouteTemplate("/" + string.Join('/', parts), segments);
    }

    /// <summary>
    /// Precedence: segment by segment a literal beats a parameter, which beats a greedy parameter; then the longer
    /// route first. Negative when <paramref name="a"/> is tried before <paramref name="b"/>.
    /// </summary>
    public static int ComparePrecedence(HttpRouteTemplate a, HttpRouteTemplate b)
    {
        var count = Math.Min(a.Segments.Length, b.Segments.Length);
        for (var i = 0; i < count; i++)
        {
            var byKind = a.Segments[i].Kind.CompareTo(b.Segments[i].Kind);
            if (byKind != 0)
            {
                return byKind;
            }
        }

        return b.Segments.Length.CompareTo(a.Segments.Length);
    }

    /// <summary>
    /// Matches the path's segments (<paramref name="path"/> without query; empty segments ignored).
    /// Parameter values are percent-decoded when <paramref name="decode"/>; a greedy value joins the rest with '/'.
    /// </summary>
    public bool TryMatch(string path, List<(int Start, int Length)> pathSegments, bool decode, HttpValueCollection? values)
    {
        var segments = Segments;
        if (IsGreedy ? pathSegments.Count < segments.Length : pathSegments.Count != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var (start, length) = pathSegments[i];
            var segment = segments[i];
            if (segment.Kind == SegmentKind.Literal &&
                !path.AsSpan(start, length).SequenceEqual(segment.Value))
            {
                return false;
            }
        }

        if (values is null)
        {
            return true;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Kind == SegmentKind.Parameter)
            {
                var (start, length) = pathSegments[i];
                values.Add(segment.Value, Decode(path.Substring(start, length), decode));
            }
            else if (segment.Kind == SegmentKind.Greedy)
            {
                var (start, _) = pathSegments[i];
                var (lastStart, lastLength) = pathSegments[^1];
                values.Add(segment.Value, Decode(path[start..(lastStart + lastLength)], decode));
            }
        }

        return true;
    }

    /// <summary>The non-empty segments of <paramref name="path"/> (up to a <c>?</c>).</summary>
    public static void SplitPath(string path, List<(int Start, int Length)> into)
    {
        into.Clear();
        var end = path.IndexOf('?');
        if (end < 0)
        {
            end = path.Length;
        }

        var start = 0;
        for (var i = 0; i <= end; i++)
        {
            if (i == end || path[i] == '/')
            {
                if (i > start)
                {
                    into.Add((start, i - start));
                }

                start = i + 1;
            }
        }
    }

    public override string ToString() => Text;

    private static string Decode(string value, bool decode) =>
        decode && value.Contains('%') ? Uri.UnescapeDataString(value) : value;

    internal enum SegmentKind
    {
        Literal = 0,
        Parameter = 1,
        Greedy = 2,
    }

    internal readonly record struct Segment(SegmentKind Kind, string Value);
}
