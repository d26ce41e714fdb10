"""The units of the quantulum3 test items the project's quantity layer is meant to read (the
``listed_*`` metrics): lengths, areas, volumes, masses, speeds and temperatures, as quantulum3
writes their names. A fixed list kept with the evaluator, so that adding a unit to the extractor's
``data/reference/units.csv`` cannot move the denominator (frozen on 2026-12-02 from the 132
non-currency unit forms the table then had)."""

LISTED_UNITS = frozenset((
    '%', 'acre', 'acres', 'barrel', 'barrels', 'bbl', 'celsius', 'centimeter', 'centimeters',
    'centimetre', 'centimetres', 'cm', 'cubic meter', 'cubic meters', 'cubic metre', 'cubic metres',
    'degree celsius', 'degree fahrenheit', 'degrees celsius', 'degrees centigrade',
    'degrees fahrenheit', 'fahrenheit', 'feet', 'foot', 'ft', 'gallon', 'gallons', 'gram', 'grams',
    'ha', 'hectare', 'hectares', 'inch', 'inches', 'kg', 'kgs', 'kilo', 'kilogram', 'kilograms',
    'kilometer', 'kilometer per hour', 'kilometers', 'kilometers per hour', 'kilometre',
    'kilometre per hour', 'kilometres', 'kilometres per hour', 'kilos', 'km', 'km/h', 'km2', 'kmh',
    'kms', 'km²', 'kph', 'l', 'lb', 'lbs', 'liter', 'liters', 'litre', 'litres', 'm', 'm2', 'm3',
    'meter', 'meters', 'metre', 'metres', 'metric ton', 'metric tons', 'mg', 'mi', 'mile',
    'mile per hour', 'miles', 'miles per hour', 'milligram', 'milligrams', 'milliliter', 'milliliters',
    'millilitre', 'millilitres', 'millimeter', 'millimeters', 'millimetre', 'millimetres', 'mi²', 'ml',
    'mm', 'mph', 'm²', 'm³', 'nanometer', 'nanometers', 'nanometre', 'nanometres', 'nm', 'ounce',
    'ounces', 'oz', 'pct', 'per cent', 'percent', 'percentage point', 'percentage points', 'sq km',
    'sq m', 'sq mi', 'sq miles', 'square kilometer', 'square kilometers', 'square kilometre',
    'square kilometres', 'square km', 'square meter', 'square meters', 'square metre', 'square metres',
    'square mile', 'square miles', 'ton', 'tonne', 'tonnes', 'tons', 'yard', 'yards', 'yd', '°c', '°f',
    'ºc', 'ºf',
))
