/* ExcelJS's CSV reader and writer, left out of the harness bundle (webpack.config.js). */
"use strict";
module.exports = class CSV {
  constructor() {
    throw new Error("CSV is not available in the harness");
  }
};
