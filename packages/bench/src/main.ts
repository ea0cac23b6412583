console.log("bench: under construction (issue 8)");
