/** Where a scenario pool puts the plugin module URLs in each worker's `workerData`. */
export const PLUGIN_MODULES_KEY = 'tesseraPluginModules';
