// A plugin module that fails while it loads, as one missing its configuration would.
throw new Error('TESSERA_WEST_KEY is not set');
