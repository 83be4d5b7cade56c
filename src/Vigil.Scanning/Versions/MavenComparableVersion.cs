using System.Globalization;
using System.Numerics;

namespace Vigil.Scanning.Versions;

/// <summary>
/// Maven's <c>ComparableVersion</c> ordering: the version is split into a tree of integer, qualifier and list items at
/// <c>.</c>, <c>-</c> and digit/letter transitions; trailing "null" items (0, empty, <c>final</c>, <c>ga</c>,
/// <c>release</c>) are dropped; known qualifiers order <c>alpha &lt; beta &lt; milestone &lt; rc = cr &lt; snapshot &lt;
/// "" &lt; sp</c>, unknown qualifiers come after them in lexical order. Every string is a valid Maven version.
/// </summary>
public sealed class MavenComparableVersion : IComparable<MavenComparableVersion>
{
    private static readonly string[] Qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
    private static readonly string ReleaseIndex = "5";

    private readonly ListItem _items;

    /// <summary>Parses a Maven version; never fails.</summary>
    public MavenComparableVersion(string version)
    {
        _items = Parse(version.Trim().ToLowerInvariant());
    }

    /// <inheritdoc />
    public int CompareTo(MavenComparableVersion? other) => other is null ? 1 : Math.Sign(_items.CompareTo(other._items));

    private abstract class Item
    {
        public abstract bool IsNull { get; }

        public abstract int CompareTo(Item? other);
    }

    private sealed class IntItem(BigInteger value) : Item
    {
        public BigInteger Value { get; } = value;

        public override bool IsNull => Value.IsZero;

        public override int CompareTo(Item? other) => other switch
        {
            null => Value.IsZero ? 0 : 1,
            IntItem i => Value.CompareTo(i.Value),
            _ => 1,
        };
    }

    private sealed class StringItem : Item
    {
        public StringItem(string value, bool followedByDigit)
        {
            if (followedByDigit && value.Length == 1)
            {
                value = value[0] switch { 'a' => "alpha", 'b' => "beta", 'm' => "milestone", _ => value };
            }

            Value = value switch { "ga" or "final" or "release" => string.Empty, "cr" => "rc", _ => value };
        }

        public string Value { get; }

        public override bool IsNull => Comparable(Value) == ReleaseIndex;

        private static string Comparable(string qualifier)
        {
            var index = Array.IndexOf(Qualifiers, qualifier);
            return index >= 0 ? index.ToString(CultureInfo.InvariantCulture) : $"{Qualifiers.Length}-{qualifier}";
        }

        public override int CompareTo(Item? other) => other switch
        {
            null => string.CompareOrdinal(Comparable(Value), ReleaseIndex),
            IntItem => -1,
            StringItem s => string.CompareOrdinal(Comparable(Value), Comparable(s.Value)),
            _ => -1,
        };
    }

    private sealed class ListItem : Item
    {
        public List<Item> Items { get; } = [];

        public override bool IsNull => Items.Count == 0;

        public void Normalize()
        {
            for (var i = Items.Count - 1; i >= 0; i--)
            {
                if (Items[i].IsNull)
                {
                    Items.RemoveAt(i);
                }
                else if (Items[i] is not ListItem)
                {
                    break;
                }
            }
        }

        public override int CompareTo(Item? other)
        {
            switch (other)
            {
                case null:
                    return Items.Count == 0 ? 0 : Items[0].CompareTo(null);
                case IntItem:
                    return -1;
                case StringItem:
                    return 1;
            }

            var list = (ListItem)other;
            for (var i = 0; i < Math.Max(Items.Count, list.Items.Count); i++)
            {
                var l = i < Items.Count ? Items[i] : null;
                var r = i < list.Items.Count ? list.Items[i] : null;
                var result = l is null ? (r is null ? 0 : -r.CompareTo(null)) : l.CompareTo(r);
                if (result != 0)
                {
                    return result;
                }
            }

            return 0;
        }
    }

    private static Item ParseItem(bool isDigit, string text) =>
        isDigit ? new IntItem(BigInteger.Parse(text, CultureInfo.InvariantCulture)) : new StringItem(text, false);

    private static ListItem Parse(string version)
    {
        var root = new ListItem();
        var list = root;
        var stack = new Stack<ListItem>();
        stack.Push(list);
        var isDigit = false;
        var start = 0;
        for (var i = 0; i < version.Length; i++)
        {
            var c = version[i];
            if (c == '.')
            {
                list.Items.Add(i == start ? new IntItem(0) : ParseItem(isDigit, version[start..i]));
                start = i + 1;
            }
            else if (c == '-')
            {
                list.Items.Add(i == start ? new IntItem(0) : ParseItem(isDigit, version[start..i]));
                start = i + 1;
                var sub = new ListItem();
                list.Items.Add(sub);
                list = sub;
                stack.Push(list);
            }
            else if (char.IsAsciiDigit(c))
            {
                if (!isDigit && i > start)
                {
                    list.Items.Add(new StringItem(version[start..i], true));
                    start = i;
                    var sub = new ListItem();
                    list.Items.Add(sub);
                    list = sub;
                    stack.Push(list);
                }

                isDigit = true;
            }
            else
            {
                if (isDigit && i > start)
                {
                    list.Items.Add(ParseItem(true, version[start..i]));
                    start = i;
                    var sub = new ListItem();
                    list.Items.Add(sub);
                    list = sub;
                    stack.Push(list);
                }

                isDigit = false;
            }
        }

        if (version.Length > start)
        {
            list.Items.Add(ParseItem(isDigit, version[start..]));
        }

        while (stack.Count > 0)
        {
            stack.Pop().Normalize();
        }

        return root;
    }
}
