namespace ContactRules.Internal;

/// <summary>
/// The shape of an E.164 number: '+', a country code that does not start with 0, 2 to 15 digits
/// in all. Whether the number exists is the phone-number adapter's business.
/// </summary>
internal static class E164
{
    internal static bool IsValid(string value)
    {
        if (value.Length < 3 || value.Length > 16 || value[0] != '+' || value[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] < '0' || value[i] > '9')
            {
                return false;
            }
        }

        return true;
    }
}
